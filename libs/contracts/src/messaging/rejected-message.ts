import type { ConsumeMessage } from 'amqplib';

/** A delivery a service could not process, as it is recorded for an operator. */
export interface RejectedMessage {
  queue: string;
  exchange: string;
  routingKey: string;
  messageId?: string;
  reason: string;
  /** The body as text, cut to a size that is safe to store. */
  body: string;
}

const MAX_STORED_BODY = 8 * 1024;

export function describeRejectedDelivery(
  queue: string,
  message: Pick<ConsumeMessage, 'content' | 'fields' | 'properties'>,
  reason: string,
): RejectedMessage {
  const text = message.content.toString('utf8');
  return {
    queue,
    exchange: message.fields.exchange,
    routingKey: message.fields.routingKey,
    messageId:
      typeof message.properties.messageId === 'string' ? message.properties.messageId : undefined,
    reason,
    body: text.length > MAX_STORED_BODY ? `${text.slice(0, MAX_STORED_BODY)}…` : text,
  };
}
