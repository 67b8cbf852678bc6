import { WorkerConfig, loadConfig, runProcess } from '@app/common';
import { startWorkerService } from '@app/sync-queue';
import { AuthModule } from './auth.module';

runProcess('auth', async () => {
  const config = loadConfig(WorkerConfig, { HTTP_PORT: '3001', ...process.env });
  await startWorkerService({ service: 'auth', module: AuthModule.register(config), config });
});
