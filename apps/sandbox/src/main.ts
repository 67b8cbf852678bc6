import { loadConfig, runProcess } from '@app/common';
import { Logger } from '@nestjs/common';
import { createSandboxApp } from './sandbox.app';
import { SandboxConfig } from './sandbox.config';

runProcess('sandbox', async () => {
  const config = loadConfig(SandboxConfig);
  const app = await createSandboxApp(config);
  await app.listen(config.HTTP_PORT);
  new Logger('sandbox').log(
    `Exact Online simulator at ${await app.getUrl()}/api/v1, Odoo ${config.SANDBOX_ODOO_VERSION} simulator at ${await app.getUrl()}/jsonrpc`,
  );
});
