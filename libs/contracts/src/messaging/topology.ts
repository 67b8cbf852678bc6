import type { Channel } from 'amqplib';
import { SYNC_JOB_READY_ANY } from '../commands/sync-job-ready';
import { MOVE_EVENTS_PATTERN, PARTNER_EVENTS_PATTERN } from '../events/odoo-event-types';
import {
  CONSUMING_SERVICES,
  ConsumingService,
  DEAD_LETTER_EXCHANGE,
  EXACT_SYNC_EXCHANGE,
  ODOO_EVENTS_EXCHANGE,
  deadLetterQueue,
  serviceQueue,
} from './names';

export interface QueueBinding {
  exchange: string;
  pattern: string;
}

/**
 * Which messages reach each service's queue. A service is bound only to what it handles, so an
 * event nobody consumes yet is not dead-lettered by a service that cannot process it.
 */
export const SERVICE_BINDINGS: Record<ConsumingService, readonly QueueBinding[]> = {
  contacts: [
    { exchange: ODOO_EVENTS_EXCHANGE, pattern: PARTNER_EVENTS_PATTERN },
    { exchange: EXACT_SYNC_EXCHANGE, pattern: readyPatternForKinds('contact') },
    { exchange: EXACT_SYNC_EXCHANGE, pattern: 'contacts.#' },
  ],
  invoices: [
    { exchange: ODOO_EVENTS_EXCHANGE, pattern: MOVE_EVENTS_PATTERN },
    { exchange: EXACT_SYNC_EXCHANGE, pattern: readyPatternForKinds('invoice') },
    { exchange: EXACT_SYNC_EXCHANGE, pattern: 'invoices.#' },
  ],
  payments: [{ exchange: EXACT_SYNC_EXCHANGE, pattern: readyPatternForKinds('payment') }],
  auth: [{ exchange: EXACT_SYNC_EXCHANGE, pattern: 'auth.#' }],
};

function readyPatternForKinds(kindPrefix: string): string {
  return SYNC_JOB_READY_ANY.replace('#', `${kindPrefix}.#`);
}

type TopologyChannel = Pick<Channel, 'assertExchange' | 'assertQueue' | 'bindQueue'>;

/**
 * Declares every exchange, queue, dead-letter queue and binding of the connector. All durable, so
 * they survive a broker restart. Every process runs this at start (it is idempotent), so queues
 * exist before the first event is published, whichever process starts first. Changing a queue's
 * arguments later makes RabbitMQ refuse the declaration: treat that as a migration.
 */
export async function assertTopology(channel: TopologyChannel): Promise<void> {
  await channel.assertExchange(ODOO_EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(EXACT_SYNC_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
  for (const service of CONSUMING_SERVICES) {
    const queue = serviceQueue(service);
    const parked = deadLetterQueue(service);
    await channel.assertQueue(parked, { durable: true });
    await channel.bindQueue(parked, DEAD_LETTER_EXCHANGE, queue);
    await channel.assertQueue(queue, serviceQueueOptions(service));
    for (const binding of SERVICE_BINDINGS[service]) {
      await channel.bindQueue(queue, binding.exchange, binding.pattern);
    }
  }
}

export function serviceQueueOptions(service: ConsumingService) {
  return {
    durable: true,
    deadLetterExchange: DEAD_LETTER_EXCHANGE,
    deadLetterRoutingKey: serviceQueue(service),
  };
}

/** Opens a short connection to declare the topology (for processes that do not consume). */
export async function assertTopologyAt(url: string): Promise<void> {
  const { connect } = await import('amqplib');
  const connection = await connect(url);
  try {
    const channel = await connection.createChannel();
    await assertTopology(channel);
    await channel.close();
  } finally {
    await connection.close();
  }
}
