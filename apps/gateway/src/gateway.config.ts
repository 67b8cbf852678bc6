import { IsServiceUrl, ServiceConfig, commaSeparated, withExactAccess } from '@app/common';
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

export class GatewayConfig extends withExactAccess(ServiceConfig) {
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

  /** The app registered in Exact's App Center. */
  @Expose()
  @IsString()
  @IsNotEmpty()
  EXACT_CLIENT_ID: string;

  /** Where Exact sends the user back: this gateway's /oauth/exact/callback (HTTPS in production). */
  @Expose()
  @IsServiceUrl(['http', 'https'])
  EXACT_REDIRECT_URI: string;

  /** Exact's webhook secret (App Center): checks the HashCode of deliveries to /webhooks/exact. */
  @Expose()
  @IsOptional()
  @IsString()
  @MinLength(8)
  EXACT_WEBHOOK_SECRET?: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
