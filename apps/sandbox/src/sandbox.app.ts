import { createLogger } from '@app/common';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SandboxConfig } from './sandbox.config';
import { SandboxModule } from './sandbox.module';

/** The simulators as a Nest app, configured but not yet listening. */
export async function createSandboxApp(config: SandboxConfig): Promise<INestApplication> {
  const app = await NestFactory.create(SandboxModule.register(config), {
    logger: createLogger('sandbox', config.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  return app;
}
