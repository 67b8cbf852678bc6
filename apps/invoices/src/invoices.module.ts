import {
  CONNECTOR_SERVICE_CONFIG,
  ConnectionClients,
  ExactSyncClientModule,
  WorkerRuntimeModule,
} from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';
import { BackfillConsumer } from './backfill/backfill.consumer';
import { BackfillService } from './backfill/backfill.service';
import { InvoiceDocuments } from './entries/invoice-document.service';
import { InvoiceSyncHandler } from './entries/invoice-sync.handler';
import { MoveEventsConsumer } from './entries/move-events.consumer';
import { PartnerAccounts } from './entries/partner-accounts.service';
import { InvoicesConfig } from './invoices.config';
import { ExactMasterData } from './mappings/exact-master-data.service';
import { MappingsConsumer } from './mappings/mappings.consumer';
import { MappingsService } from './mappings/mappings.service';

/** The invoices service: posted Odoo invoices → Exact entries with their PDF; mappings; backfill. */
@Module({})
export class InvoicesModule {
  static register(config: InvoicesConfig): DynamicModule {
    return {
      module: InvoicesModule,
      imports: [
        WorkerRuntimeModule.forRoot('invoices', config),
        ExactSyncClientModule.forRoot(config.RABBITMQ_URL),
      ],
      controllers: [MoveEventsConsumer, MappingsConsumer, BackfillConsumer],
      providers: [
        { provide: CONNECTOR_SERVICE_CONFIG, useValue: config },
        ConnectionClients,
        ExactMasterData,
        MappingsService,
        PartnerAccounts,
        InvoiceDocuments,
        InvoiceSyncHandler,
        BackfillService,
      ],
    };
  }
}
