import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectionDirectory } from './connections/connection-directory';
import { connectorDataSourceOptions } from './data-source';
import { CONNECTOR_ENTITIES } from './entities';
import { SyncJobQueue } from './jobs/sync-job-queue';
import { OdooRecordJobs } from './intake/odoo-record-jobs.service';
import { EntityLinkStore } from './links/entity-link-store';
import { MappingStore } from './mappings/mapping-store.service';
import { SYNC_QUEUE_OPTIONS, SyncQueueOptions } from './sync-queue.options';

/** The database side every process imports: TypeORM, the job queue, links and connections. */
@Module({})
export class SyncQueueModule {
  static forRoot(options: SyncQueueOptions): DynamicModule {
    return {
      module: SyncQueueModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...connectorDataSourceOptions(options.databaseUrl, options.poolSize),
          retryAttempts: 5,
          retryDelay: 2000,
        }),
        TypeOrmModule.forFeature(CONNECTOR_ENTITIES),
      ],
      providers: [
        { provide: SYNC_QUEUE_OPTIONS, useValue: options },
        SyncJobQueue,
        EntityLinkStore,
        ConnectionDirectory,
        OdooRecordJobs,
        MappingStore,
      ],
      exports: [
        SYNC_QUEUE_OPTIONS,
        SyncJobQueue,
        EntityLinkStore,
        ConnectionDirectory,
        OdooRecordJobs,
        MappingStore,
        TypeOrmModule,
      ],
    };
  }
}
