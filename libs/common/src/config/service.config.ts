import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { LOG_LEVELS } from '../logging/logger';
import type { LogLevelName } from '../logging/logger';
import { IsServiceUrl } from './validators';

/** Variables every process of the connector reads. */
export class ServiceConfig {
  @Expose()
  @IsServiceUrl(['postgres', 'postgresql'])
  DATABASE_URL: string;

  @Expose()
  @IsServiceUrl(['amqp', 'amqps'])
  RABBITMQ_URL: string;

  @Expose()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';
}

/** Variables of a process that runs sync jobs. */
export class WorkerConfig extends ServiceConfig {
  /** Port of the service's /health endpoint. 0 picks a free port. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 0;

  /** How many unacknowledged RabbitMQ messages a consumer holds at once. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  RABBITMQ_PREFETCH: number = 50;

  /** How often an idle worker looks for due jobs (new work also wakes it at once). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  JOB_POLL_INTERVAL_MS: number = 1000;

  /** How often a worker promotes due retries and rescues jobs whose worker died. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  JOB_MAINTENANCE_INTERVAL_MS: number = 1000;

  /** Jobs claimed per query. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  JOB_CLAIM_BATCH: number = 10;

  /** Jobs one process runs at the same time. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  JOB_CONCURRENCY: number = 8;

  /** A running job whose lease is not renewed for this long is handed to another worker. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  JOB_LEASE_MS: number = 30_000;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  JOB_MAX_ATTEMPTS: number = 8;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  JOB_BACKOFF_BASE_MS: number = 10_000;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  JOB_BACKOFF_CAP_MS: number = 3_600_000;
}
