import { IsBase64Key, IsServiceUrl, WorkerConfig } from '@app/common';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';

export class AuthConfig extends WorkerConfig {
  override HTTP_PORT = 3001;

  /** 32 bytes, base64: encrypts the Exact tokens at rest. */
  @Expose()
  @IsBase64Key(32)
  TOKEN_ENCRYPTION_KEY: string;

  @Expose()
  @IsString()
  @IsNotEmpty()
  EXACT_CLIENT_ID: string;

  @Expose()
  @IsString()
  @IsNotEmpty()
  EXACT_CLIENT_SECRET: string;

  /** Must be the redirect URI the gateway sent the user with (the code is bound to it). */
  @Expose()
  @IsServiceUrl(['http', 'https'])
  EXACT_REDIRECT_URI: string;

  @Expose()
  @IsOptional()
  @IsServiceUrl(['http', 'https'])
  EXACT_BASE_URL?: string;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EXACT_TIMEOUT_MS: number = 30_000;

  /** Exact's minutely window, as for the syncing services (only a test sandbox changes it). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EXACT_RATE_WINDOW_MS: number = 60_000;
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
