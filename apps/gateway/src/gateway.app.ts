import { createLogger } from '@app/common';
import { assertTopologyAt } from '@app/contracts';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { createValidationPipe } from './http/validation.pipe';

/** The admin gateway, configured but not yet listening (main and the tests both start it). */
export async function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  const app = await NestFactory.create(GatewayModule.register(config), {
    logger: createLogger('gateway', config.LOG_LEVEL),
    // Exact's webhook HashCode is computed over the raw JSON text.
    rawBody: true,
  });
  app.enableShutdownHooks();
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Odoo ⇄ Exact Online connector — admin API')
      .setDescription(
        'Sync jobs, connections and set-up. Every /api route needs `Authorization: Bearer <admin API key>`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  try {
    await assertTopologyAt(config.RABBITMQ_URL);
  } catch (error) {
    new Logger('gateway').warn(
      `RabbitMQ is not reachable yet (${(error as Error).message}); the services declare the queues when they connect`,
    );
  }
  return app;
}
