import { ExactSyncClientModule, WorkerRuntimeModule } from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';
import { ConnectionClients } from './connections/connection-clients.service';
import { CONTACTS_CONFIG, ContactsConfig } from './contacts.config';
import { PartnerEventsConsumer } from './partners/partner-events.consumer';
import { PartnerJobsService } from './partners/partner-jobs.service';
import { PartnerSyncHandler } from './partners/partner-sync.handler';

@Module({})
export class ContactsModule {
  static register(config: ContactsConfig): DynamicModule {
    return {
      module: ContactsModule,
      imports: [
        WorkerRuntimeModule.forRoot('contacts', config),
        ExactSyncClientModule.forRoot(config.RABBITMQ_URL),
      ],
      controllers: [PartnerEventsConsumer],
      providers: [
        { provide: CONTACTS_CONFIG, useValue: config },
        ConnectionClients,
        PartnerJobsService,
        PartnerSyncHandler,
      ],
    };
  }
}
