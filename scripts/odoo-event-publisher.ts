import { ODOO_EVENTS_EXCHANGE } from '@app/contracts';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';

export interface OdooEventInput {
  type: string;
  db: string;
  companyId?: number | null;
  model: string;
  resId: number;
  id?: string;
  source?: string;
}

/** A CloudEvents 1.0 envelope as the Odoo addon publishes it. */
export function odooCloudEvent(input: OdooEventInput) {
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source ?? 'https://odoo.sandbox.local',
    type: input.type,
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    datacontenttype: 'application/json',
    data: {
      db: input.db,
      company_id: input.companyId ?? null,
      model: input.model,
      res_id: input.resId,
    },
  };
}

/**
 * Publishes to `odoo.events` the way a producer outside Nest does (the Odoo addon): plain amqplib,
 * routing key = event type, persistent, message_id = event id, and waits for the broker's confirm.
 * `body` may be anything, to test what the consumers do with malformed messages.
 */
export async function publishToOdooEvents(
  url: string,
  routingKey: string,
  body: unknown,
  messageId?: string,
): Promise<void> {
  const connection = await connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    const content = Buffer.isBuffer(body)
      ? body
      : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    channel.publish(ODOO_EVENTS_EXCHANGE, routingKey, content, {
      persistent: true,
      contentType: 'application/json',
      messageId,
    });
    await channel.waitForConfirms();
    await channel.close();
  } finally {
    await connection.close();
  }
}

export async function publishOdooEvent(
  url: string,
  event: ReturnType<typeof odooCloudEvent>,
): Promise<void> {
  await publishToOdooEvents(url, event.type, event, event.id);
}
