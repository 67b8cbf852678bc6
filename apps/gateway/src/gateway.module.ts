import { HEALTH_CHECKS, HealthCheck, HealthController } from '@app/common';
import {
  CONNECTOR_SERVICE_CONFIG,
  ConnectionClients,
  ExactSyncClientModule,
  ExactSyncRpc,
  PaymentPolls,
  SyncQueueModule,
} from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AdminApiKeyGuard } from './admin-auth/admin-api-key.guard';
import { ConnectionsController } from './connections/connections.controller';
import { ConnectionsService } from './connections/connections.service';
import { GATEWAY_CONFIG, GatewayConfig } from './gateway.config';
import { ExactCallbackController } from './oauth/exact-callback.controller';
import { OAuthStateService } from './oauth/oauth-state.service';
import { SetupController } from './setup/setup.controller';
import { SetupService } from './setup/setup.service';
import { ExactWebhooksController } from './webhooks/exact-webhooks.controller';
import { ExactWebhooksService } from './webhooks/exact-webhooks.service';
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
        ExactSyncClientModule.forRoot(config.RABBITMQ_URL),
      ],
      controllers: [
        HealthController,
        SyncJobsController,
        ConnectionsController,
        ExactCallbackController,
        SetupController,
        ExactWebhooksController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AdminApiKeyGuard },
        SyncJobsService,
        ConnectionsService,
        OAuthStateService,
        SetupService,
        ExactWebhooksService,
        PaymentPolls,
        ConnectionClients,
        { provide: CONNECTOR_SERVICE_CONFIG, useValue: config },
        {
          provide: HEALTH_CHECKS,
          inject: [DataSource, ExactSyncRpc],
          useFactory: (db: DataSource, rpc: ExactSyncRpc): HealthCheck[] => [
            { name: 'database', check: async () => (await db.query('SELECT 1')).length === 1 },
            { name: 'broker', check: () => rpc.reachable() },
          ],
        },
      ],
    };
  }
}
