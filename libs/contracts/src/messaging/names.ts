/** Odoo publishes its CloudEvents here; the routing key is the event `type`. */
export const ODOO_EVENTS_EXCHANGE = 'odoo.events';
/** Commands and RPC between the connector's own services. */
export const EXACT_SYNC_EXCHANGE = 'exact-sync';
/** Where a service queue sends what it cannot process; routing key = the queue's name. */
export const DEAD_LETTER_EXCHANGE = 'connector.dead-letter';

export const CONSUMING_SERVICES = ['contacts', 'invoices', 'payments', 'auth'] as const;
export type ConsumingService = (typeof CONSUMING_SERVICES)[number];

/** The durable queue a service consumes; every replica of the service shares it. */
export function serviceQueue(service: ConsumingService): string {
  return service;
}

/** Where the broker parks what `service` rejected, for inspection. */
export function deadLetterQueue(service: ConsumingService): string {
  return `${service}.dead-letter`;
}
