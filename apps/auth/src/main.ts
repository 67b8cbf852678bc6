import { loadConfig, runProcess } from '@app/common';
import { startWorkerService } from '@app/sync-queue';
import { AuthConfig } from './auth.config';
import { AuthModule } from './auth.module';

runProcess('auth', async () => {
  const config = loadConfig(AuthConfig);
  await startWorkerService({ service: 'auth', module: AuthModule.register(config), config });
});
