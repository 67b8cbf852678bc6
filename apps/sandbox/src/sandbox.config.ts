import { LOG_LEVELS, commaSeparated, commaSeparatedNumbers } from '@app/common';
import type { LogLevelName } from '@app/common';
import { Expose, Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

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
