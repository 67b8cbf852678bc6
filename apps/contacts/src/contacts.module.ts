import {
  CONNECTOR_SERVICE_CONFIG,
  ConnectionClients,
  ExactSyncClientModule,
  WorkerRuntimeModule,
} from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';
import { ContactsConfig } from './contacts.config';
import { PartnerEventsConsumer } from './partners/partner-events.consumer';
import { PartnerJobsService } from './partners/partner-jobs.service';
import { PartnerSyncHandler } from './partners/partner-sync.handler';
import { PaymentConditions } from './mapping/payment-conditions.service';
import { AccountSync } from './partners/account-sync.service';
import { PersonSync } from './partners/person-sync.service';
import { PartnerEnsureConsumer } from './partners/partner-ensure.consumer';
import { PartnerEnsureService } from './partners/partner-ensure.service';
import { PartnerImportHandler } from './setup/partner-import.handler';
import { PartnerSetupConsumer } from './setup/partner-setup.consumer';
import { PartnerSetupService } from './setup/partner-setup.service';

@Module({})
export class ContactsModule {
  static register(config: ContactsConfig): DynamicModule {
    return {
      module: ContactsModule,
      imports: [
        WorkerRuntimeModule.forRoot('contacts', config),
        ExactSyncClientModule.forRoot(config.RABBITMQ_URL),
      ],
      controllers: [PartnerEventsConsumer, PartnerEnsureConsumer, PartnerSetupConsumer],
      providers: [
        { provide: CONNECTOR_SERVICE_CONFIG, useValue: config },
        ConnectionClients,
        PaymentConditions,
        PartnerJobsService,
        AccountSync,
        PersonSync,
        PartnerSyncHandler,
        PartnerEnsureService,
        PartnerSetupService,
        PartnerImportHandler,
      ],
    };
  }
}
