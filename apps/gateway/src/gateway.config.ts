import { ServiceConfig, commaSeparated } from '@app/common';
import { Expose, Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsString, Max, Min, MinLength } from 'class-validator';

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
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
