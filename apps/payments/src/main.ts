import { WorkerConfig, loadConfig, runProcess } from '@app/common';
import { startWorkerService } from '@app/sync-queue';
import { PaymentsModule } from './payments.module';

runProcess('payments', async () => {
  const config = loadConfig(WorkerConfig, { HTTP_PORT: '3004', ...process.env });
  await startWorkerService({
    service: 'payments',
    module: PaymentsModule.register(config),
    config,
  });
});
