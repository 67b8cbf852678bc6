import { IsServiceUrl, LOG_LEVELS, commaSeparated, commaSeparatedNumbers } from '@app/common';
import type { LogLevelName } from '@app/common';
import { Expose, Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';

/** The simulators' settings; every value has a default so `node sandbox` just runs. */
export class SandboxConfig {
  @Expose()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3100;

  /** Bearer tokens the Exact simulator accepts without an OAuth flow (the demo's EXACT_ACCESS_TOKEN). */
  @Expose()
  @Transform(commaSeparated)
  @IsString({ each: true })
  SANDBOX_EXACT_ACCESS_TOKENS: string[] = ['sandbox-exact-token'];

  /** Divisions (administrations) the simulated Exact user can reach. */
  @Expose()
  @Transform(commaSeparatedNumbers)
  @ArrayMinSize(1)
  @IsInt({ each: true })
  SANDBOX_EXACT_DIVISIONS: number[] = [1001, 2002];

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SANDBOX_EXACT_MINUTELY_LIMIT: number = 60;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SANDBOX_EXACT_DAILY_LIMIT: number = 5000;

  /** The app registered in the (simulated) Exact App Center. */
  @Expose()
  @IsString()
  @IsNotEmpty()
  SANDBOX_EXACT_CLIENT_ID: string = 'sandbox-client-id';

  @Expose()
  @IsString()
  @IsNotEmpty()
  SANDBOX_EXACT_CLIENT_SECRET: string = 'sandbox-client-secret';

  /** Signs webhook deliveries (HashCode). */
  @Expose()
  @IsString()
  @IsNotEmpty()
  SANDBOX_EXACT_WEBHOOK_SECRET: string = 'sandbox-webhook-secret';

  /**
   * When set, the authorize page is skipped: consent is given at once for this division. Otherwise
   * the page asks which division to use.
   */
  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  SANDBOX_EXACT_AUTO_CONSENT_DIVISION?: number;

  /**
   * Whether using a rotated ("old") refresh token also kills the current one, as the reference
   * reports for real chains (a new consent is the only fix). UNCONFIRMED, hence a switch.
   */
  @Expose()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  SANDBOX_EXACT_OLD_TOKEN_REVOKES_CHAIN: boolean = true;

  /** Length of the "minute" window in ms. 60,000 is Exact's; tests may shorten it. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SANDBOX_EXACT_MINUTE_MS: number = 60_000;

  /** First webhook retry after this long, doubling per retry (Exact: 10 retries, 2^n, unit unknown). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  SANDBOX_EXACT_WEBHOOK_RETRY_MS: number = 1000;

  /** Odoo major version the simulator behaves as (13–17). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(13)
  @Max(17)
  SANDBOX_ODOO_VERSION: number = 17;

  @Expose()
  @IsString()
  @IsNotEmpty()
  SANDBOX_ODOO_DB: string = 'demo';

  /** When set, the simulated Odoo publishes its CloudEvents to `odoo.events` on this broker, as the addon would. */
  @Expose()
  @IsOptional()
  @IsServiceUrl(['amqp', 'amqps'])
  SANDBOX_ODOO_EVENTS_URL?: string;

  /** The `source` of those events (the simulated Odoo's URL); the database name is appended. */
  @Expose()
  @IsString()
  SANDBOX_ODOO_EVENTS_SOURCE: string = 'https://odoo.sandbox.local';

  @Expose()
  @IsString()
  @IsNotEmpty()
  SANDBOX_ODOO_LOGIN: string = 'admin';

  /** Password of the login; Odoo 13 accepts only this. */
  @Expose()
  @IsString()
  @IsNotEmpty()
  SANDBOX_ODOO_PASSWORD: string = 'admin';

  /** API key of the login; accepted from Odoo 14 on. */
  @Expose()
  @IsString()
  @IsNotEmpty()
  SANDBOX_ODOO_API_KEY: string = 'sandbox-odoo-api-key';
}

export const SANDBOX_CONFIG = Symbol('SANDBOX_CONFIG');
