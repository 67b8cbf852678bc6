import { HEALTH_CHECKS, HealthCheck, HealthController } from '@app/common';
import { EXACT_SYNC_EXCHANGE } from '@app/contracts';
import { SyncQueueModule } from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ClientRMQ } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { AdminApiKeyGuard } from './admin-auth/admin-api-key.guard';
import { GATEWAY_CONFIG, GatewayConfig } from './gateway.config';
import { EXACT_SYNC_CLIENT, JobNotifier } from './sync-jobs/job-notifier.service';
import { SyncJobsController } from './sync-jobs/sync-jobs.controller';
import { SyncJobsService } from './sync-jobs/sync-jobs.service';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        // The gateway does not run jobs; attempts and backoff only matter for jobs it would enqueue.
        SyncQueueModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          maxAttempts: 8,
          backoff: { baseMs: 10_000, capMs: 3_600_000 },
        }),
      ],
      controllers: [HealthController, SyncJobsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AdminApiKeyGuard },
        {
          provide: EXACT_SYNC_CLIENT,
          useFactory: () =>
            new ClientRMQ({
              urls: [config.RABBITMQ_URL],
              exchange: EXACT_SYNC_EXCHANGE,
              exchangeType: 'topic',
              wildcards: true,
              persistent: true,
            }),
        },
        JobNotifier,
        SyncJobsService,
        {
          provide: HEALTH_CHECKS,
          inject: [DataSource, JobNotifier],
          useFactory: (db: DataSource, notifier: JobNotifier): HealthCheck[] => [
            { name: 'database', check: async () => (await db.query('SELECT 1')).length === 1 },
            { name: 'broker', check: () => notifier.brokerReachable() },
          ],
        },
      ],
    };
  }
}
