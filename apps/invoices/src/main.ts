import { loadConfig, runProcess } from '@app/common';
import { startWorkerService } from '@app/sync-queue';
import { InvoicesConfig } from './invoices.config';
import { InvoicesModule } from './invoices.module';

runProcess('invoices', async () => {
  const config = loadConfig(InvoicesConfig);
  await startWorkerService({
    service: 'invoices',
    module: InvoicesModule.register(config),
    config,
  });
});
