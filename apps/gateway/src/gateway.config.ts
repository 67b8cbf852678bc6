import { IsBase64Key, IsServiceUrl, ServiceConfig, commaSeparated } from '@app/common';
import { Expose, Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
} from 'class-validator';

export class GatewayConfig extends ServiceConfig {
  /** Comma-separated admin API keys; requests to /api must carry one as `Authorization: Bearer <key>`. */
  @Expose()
  @Transform(commaSeparated)
  @ArrayMinSize(1, { message: 'must list at least one key' })
  @IsString({ each: true })
  @MinLength(16, { each: true, message: 'each key must be at least 16 characters' })
  ADMIN_API_KEYS: string[];

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT: number = 3000;

  /** 32 bytes, base64: encrypts the Odoo credentials of connections and signs OAuth states. */
  @Expose()
  @IsBase64Key(32)
  TOKEN_ENCRYPTION_KEY: string;

  /** The app registered in Exact's App Center. */
  @Expose()
  @IsString()
  @IsNotEmpty()
  EXACT_CLIENT_ID: string;

  /** Where Exact sends the user back: this gateway's /oauth/exact/callback (HTTPS in production). */
  @Expose()
  @IsServiceUrl(['http', 'https'])
  EXACT_REDIRECT_URI: string;

  /** Replaces the country host (the sandbox). */
  @Expose()
  @IsOptional()
  @IsServiceUrl(['http', 'https'])
  EXACT_BASE_URL?: string;

  /** Exact's webhook secret (App Center): checks the HashCode of deliveries to /webhooks/exact. */
  @Expose()
  @IsOptional()
  @IsString()
  @MinLength(8)
  EXACT_WEBHOOK_SECRET?: string;

  /** For the Exact calls the gateway makes itself (webhook subscriptions). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EXACT_TIMEOUT_MS: number = 30_000;

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

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
