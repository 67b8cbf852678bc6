import { createLogger } from '@app/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SandboxConfig } from './sandbox.config';
import { SandboxModule } from './sandbox.module';

/** The simulators as a Nest app, configured but not yet listening. */
export async function createSandboxApp(config: SandboxConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(SandboxModule.register(config), {
    logger: createLogger('sandbox', config.LOG_LEVEL),
    bodyParser: false,
  });
  // Exact takes up to 10 MB per request (of binary; base64 makes it about a third larger).
  app.useBodyParser('json', { limit: '20mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  app.enableShutdownHooks();
  return app;
}
