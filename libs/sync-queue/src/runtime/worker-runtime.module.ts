import {
  BrokerStatus,
  HEALTH_CHECKS,
  HealthCheck,
  HealthController,
  WorkerConfig,
} from '@app/common';
import type { ConsumingService } from '@app/contracts';
import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SyncQueueModule } from '../sync-queue.module';
import { SyncWorkerModule } from '../worker/sync-worker.module';

/**
 * Everything a job-running service (contacts, invoices, payments, auth) shares: the database and
 * queue, the worker, the event intake and `/health` (database and broker).
 */
@Module({})
export class WorkerRuntimeModule {
  static forRoot(service: ConsumingService, config: WorkerConfig): DynamicModule {
    return {
      module: WorkerRuntimeModule,
      global: true,
      imports: [
        SyncQueueModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          maxAttempts: config.JOB_MAX_ATTEMPTS,
          backoff: { baseMs: config.JOB_BACKOFF_BASE_MS, capMs: config.JOB_BACKOFF_CAP_MS },
        }),
        SyncWorkerModule.forRoot({
          service,
          pollIntervalMs: config.JOB_POLL_INTERVAL_MS,
          maintenanceIntervalMs: config.JOB_MAINTENANCE_INTERVAL_MS,
          claimBatch: config.JOB_CLAIM_BATCH,
          concurrency: config.JOB_CONCURRENCY,
          leaseMs: config.JOB_LEASE_MS,
        }),
      ],
      controllers: [HealthController],
      providers: [
        BrokerStatus,
        {
          provide: HEALTH_CHECKS,
          inject: [DataSource, BrokerStatus],
          useFactory: (db: DataSource, broker: BrokerStatus): HealthCheck[] => [
            { name: 'database', check: async () => (await db.query('SELECT 1')).length === 1 },
            { name: 'broker', check: async () => broker.connected },
          ],
        },
      ],
      exports: [BrokerStatus],
    };
  }
}
