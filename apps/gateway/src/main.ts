import { loadConfig, runProcess } from '@app/common';
import { Logger } from '@nestjs/common';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';

runProcess('gateway', async () => {
  const config = loadConfig(GatewayConfig);
  const app = await createGatewayApp(config);
  await app.listen(config.GATEWAY_PORT);
  new Logger('gateway').log(`admin API on ${await app.getUrl()} (OpenAPI at /api/docs)`);
});
