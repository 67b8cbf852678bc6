import { IsBase64Key, IsServiceUrl, WorkerConfig } from '@app/common';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** Configuration of a service that syncs connections (contacts, invoices, payments). */
export class ConnectorServiceConfig extends WorkerConfig {
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

  /**
   * Length of Exact's "minutely" rate window. 60,000 at Exact; only a sandbox started with a shorter
   * SANDBOX_EXACT_MINUTE_MS (tests, benchmarks) needs the same value here.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EXACT_RATE_WINDOW_MS: number = 60_000;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  ODOO_TIMEOUT_MS: number = 30_000;
}

/** What ConnectionClients needs of a process's configuration (the services', the gateway's). */
export type ConnectionClientsConfig = Pick<
  ConnectorServiceConfig,
  | 'TOKEN_ENCRYPTION_KEY'
  | 'EXACT_BASE_URL'
  | 'EXACT_TIMEOUT_MS'
  | 'EXACT_RATE_WINDOW_MS'
  | 'ODOO_TIMEOUT_MS'
>;

export const CONNECTOR_SERVICE_CONFIG = Symbol('CONNECTOR_SERVICE_CONFIG');
