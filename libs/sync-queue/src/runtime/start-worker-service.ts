import { BrokerStatus, WorkerConfig, createLogger } from '@app/common';
import { ConsumingService, ConnectorRmqServer } from '@app/contracts';
import { DynamicModule, INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventIntakeService } from '../intake/event-intake.service';

export interface WorkerServiceStart {
  service: ConsumingService;
  module: DynamicModule;
  config: WorkerConfig;
}

/**
 * Starts a job-running service: HTTP (/health) first, then the RabbitMQ consumer. The consumer is
 * not awaited: while the broker is down the process stays up, reports it on /health and connects
 * when the broker returns (Nest's startAllMicroservices would wait forever otherwise).
 */
export async function startWorkerService({
  service,
  module,
  config,
}: WorkerServiceStart): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: createLogger(service, config.LOG_LEVEL) });
  app.enableShutdownHooks();
  const server = new ConnectorRmqServer({
    url: config.RABBITMQ_URL,
    service,
    prefetch: config.RABBITMQ_PREFETCH,
    recordRejected: app.get(EventIntakeService).recordRejected,
  });
  app.get(BrokerStatus).follow(server.status);
  app.connectMicroservice({ strategy: server });
  await app.listen(config.HTTP_PORT);
  app
    .startAllMicroservices()
    .catch((error: Error) =>
      new Logger(service).error(`RabbitMQ consumer stopped: ${error.message}`),
    );
  new Logger(service).log(`listening on port ${new URL(await app.getUrl()).port}`);
  return app;
}
