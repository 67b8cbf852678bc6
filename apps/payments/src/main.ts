import { loadConfig, runProcess } from '@app/common';
import { startWorkerService } from '@app/sync-queue';
import { PaymentsConfig } from './payments.config';
import { PaymentsModule } from './payments.module';

runProcess('payments', async () => {
  const config = loadConfig(PaymentsConfig);
  await startWorkerService({
    service: 'payments',
    module: PaymentsModule.register(config),
    config,
  });
});
