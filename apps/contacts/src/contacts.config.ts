import { IsBase64Key, IsServiceUrl, WorkerConfig } from '@app/common';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class ContactsConfig extends WorkerConfig {
  override HTTP_PORT = 3002;

  /** 32 bytes, base64: decrypts the Odoo credentials stored with each connection. */
  @Expose()
  @IsBase64Key(32)
  TOKEN_ENCRYPTION_KEY: string;

  /** Replaces the country host of every connection (the sandbox, a proxy). */
  @Expose()
  @IsOptional()
  @IsServiceUrl(['http', 'https'])
  EXACT_BASE_URL?: string;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EXACT_TIMEOUT_MS: number = 30_000;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  ODOO_TIMEOUT_MS: number = 30_000;
}

export const CONTACTS_CONFIG = Symbol('CONTACTS_CONFIG');
