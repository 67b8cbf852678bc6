import { Logger } from '@nestjs/common';
import { ServerRMQ } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { ConsumingService, serviceQueue } from './names';
import { RejectedMessage, describeRejectedDelivery } from './rejected-message';
import { matchesTopic } from './topic-pattern';
import { assertTopology } from './topology';

export interface ConnectorRmqServerOptions {
  url: string;
  service: ConsumingService;
  /** Unacknowledged deliveries this consumer holds at once. */
  prefetch: number;
  /**
   * Stores a delivery the service cannot process (so an operator sees it as a dead job) before it
   * is dead-lettered. If storing fails, the delivery is requeued instead of being lost.
   */
  recordRejected: (message: RejectedMessage) => Promise<void>;
}

/**
 * The RabbitMQ transport of every consuming service: Nest's ServerRMQ with
 * - the connector's topology asserted on every (re)connect, before consuming;
 * - manual acknowledgements and a bounded prefetch;
 * - plain CloudEvents from producers outside Nest: the AMQP routing key becomes the pattern;
 * - Nest packets ({pattern, data[, id]}) from the other services, handled as usual;
 * - handler patterns may use topic wildcards ('odoo.res.partner.*'); the queue's bindings are
 *   declared by the topology, not derived from the handlers;
 * - a body that is not JSON, or that no handler takes, is recorded and dead-lettered; the
 *   consumer keeps running.
 * Handlers must acknowledge every delivery themselves and must not throw (Nest 12.1 leaves a
 * thrown delivery unacknowledged until the channel closes).
 */
export class ConnectorRmqServer extends ServerRMQ {
  private readonly log = new Logger(ConnectorRmqServer.name);

  constructor(private readonly connectorOptions: ConnectorRmqServerOptions) {
    super({
      urls: [connectorOptions.url],
      queue: serviceQueue(connectorOptions.service),
      noAck: false,
      noAssert: true,
      prefetchCount: connectorOptions.prefetch,
      socketOptions: { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 2 },
    });
  }

  override async setupChannel(channel: Channel, callback: () => void): Promise<void> {
    await assertTopology(channel);
    return super.setupChannel(channel, callback);
  }

  override getHandlerByPattern(pattern: string) {
    const exact = super.getHandlerByPattern(pattern);
    if (exact) return exact;
    for (const [handlerPattern, handler] of this.messageHandlers) {
      if (matchesTopic(handlerPattern, pattern)) return handler;
    }
    return null;
  }

  override async handleMessage(
    delivery: Record<string, unknown> | null,
    channel: Channel,
  ): Promise<void> {
    if (!delivery) return;
    const message = delivery as unknown as ConsumeMessage;
    let body: unknown;
    try {
      body = JSON.parse(message.content.toString('utf8'));
    } catch (error) {
      return this.reject(
        message,
        channel,
        `the message body is not JSON (${(error as Error).message})`,
      );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return this.reject(message, channel, 'the message body is not a JSON object');
    }
    const packet = isNestPacket(body) ? body : { pattern: message.fields.routingKey, data: body };
    const pattern = this.getPatternAsString(packet.pattern);
    if (!this.getHandlerByPattern(pattern)) {
      return this.reject(
        message,
        channel,
        `no handler for '${pattern}' in the ${this.connectorOptions.service} service`,
      );
    }
    return super.handleMessage(
      { ...message, content: Buffer.from(JSON.stringify(packet)) },
      channel,
    );
  }

  private async reject(message: ConsumeMessage, channel: Channel, reason: string): Promise<void> {
    const queue = serviceQueue(this.connectorOptions.service);
    await settleRejected(
      channel,
      message,
      describeRejectedDelivery(queue, message, reason),
      this.connectorOptions.recordRejected,
      this.log,
    );
  }
}

function isNestPacket(body: object): body is { pattern: unknown; data?: unknown; id?: string } {
  return 'pattern' in body && body.pattern !== undefined;
}

/** How long a delivery waits before it is requeued when it could not even be recorded. */
const REQUEUE_DELAY_MS = 2000;

/**
 * Records a rejected delivery, then dead-letters it. When the record cannot be written (database
 * down), the delivery is requeued after a pause instead, so nothing is lost.
 */
export async function settleRejected(
  channel: Pick<Channel, 'nack'>,
  message: ConsumeMessage,
  rejected: RejectedMessage,
  recordRejected: (message: RejectedMessage) => Promise<void>,
  log: Logger,
): Promise<void> {
  try {
    await recordRejected(rejected);
  } catch (error) {
    log.error(`could not record a rejected message (${(error as Error).message}); requeueing it`);
    await new Promise((resolve) => setTimeout(resolve, REQUEUE_DELAY_MS));
    channel.nack(message, false, true);
    return;
  }
  log.warn(
    `rejected a message from ${rejected.exchange || '(default)'}/${rejected.routingKey}: ${rejected.reason}`,
  );
  channel.nack(message, false, false);
}
