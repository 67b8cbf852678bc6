import { loadConfig, runProcess } from '@app/common';
import { startWorkerService } from '@app/sync-queue';
import { ContactsConfig } from './contacts.config';
import { ContactsModule } from './contacts.module';

runProcess('contacts', async () => {
  const config = loadConfig(ContactsConfig);
  await startWorkerService({
    service: 'contacts',
    module: ContactsModule.register(config),
    config,
  });
});
