import { WorkerConfig, loadConfig, runProcess } from '@app/common';
import { startWorkerService } from '@app/sync-queue';
import { InvoicesModule } from './invoices.module';

runProcess('invoices', async () => {
  const config = loadConfig(WorkerConfig, { HTTP_PORT: '3003', ...process.env });
  await startWorkerService({
    service: 'invoices',
    module: InvoicesModule.register(config),
    config,
  });
});
