import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsBase64Key, IsServiceUrl } from './validators';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern's constructor type
type ConfigClass = new (...args: any[]) => object;

/**
 * The variables of every process that reads connections and calls Exact Online (gateway, auth and
 * the syncing services), added to its base configuration.
 */
export function withExactAccess<TBase extends ConfigClass>(Base: TBase) {
  class ExactAccessConfig extends Base {
    /** 32 bytes, base64: encrypts Odoo credentials and Exact tokens at rest (and signs OAuth states). */
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
     * Length of Exact's "minutely" rate window. 60,000 at Exact; only a sandbox started with a
     * shorter SANDBOX_EXACT_MINUTE_MS (tests, benchmarks) needs the same value here.
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
  return ExactAccessConfig;
}
