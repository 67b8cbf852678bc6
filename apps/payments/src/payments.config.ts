import { ConnectorServiceConfig } from '@app/sync-queue';
import { Expose, Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export class PaymentsConfig extends ConnectorServiceConfig {
  override HTTP_PORT = 3004;

  /** How often every connection with payments switched on is polled (Exact webhooks poll at once). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  PAYMENTS_POLL_INTERVAL_MS: number = 300_000;
}

export const PAYMENTS_CONFIG = Symbol('PAYMENTS_CONFIG');
