import { EXACT_SYNC_EXCHANGE } from '@app/contracts';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';

/**
 * Sends `count` Nest RPC requests at once on `exact-sync`, straight over AMQP with direct reply-to
 * (as a service's ClientRMQ does), and collects the answers in the order they came.
 */
export async function rpcRequests<T>(
  url: string,
  pattern: string,
  data: object,
  count: number,
  timeoutMs = 20_000,
): Promise<T[]> {
  const connection = await connect(url);
  try {
    const channel = await connection.createChannel();
    const answers = new Map<string, T>();
    let allAnswered: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allAnswered = resolve));
    // Direct reply-to needs its consumer in place before the first publish.
    await channel.consume(
      'amq.rabbitmq.reply-to',
      (message) => {
        if (!message) return;
        // Nest answers { response, isDisposed } and carries the request id as correlationId.
        const body = JSON.parse(message.content.toString()) as { response?: T };
        if (body.response) answers.set(String(message.properties.correlationId), body.response);
        if (answers.size === count) allAnswered();
      },
      // RabbitMQ only allows the direct reply-to pseudo-queue to be consumed in no-ack mode (a lost
      // reply is a timeout for the caller, as with Nest's own client); the services' queues use manual acks.
      { noAck: true },
    );
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      channel.publish(
        EXACT_SYNC_EXCHANGE,
        pattern,
        Buffer.from(JSON.stringify({ pattern, data, id })),
        { replyTo: 'amq.rabbitmq.reply-to', correlationId: id },
      );
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      done,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${pattern}: only ${answers.size} of ${count} answers`)),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return [...answers.values()];
  } finally {
    await connection.close();
  }
}

/** One RPC request on `exact-sync`, answered. */
export async function rpcRequest<T>(
  url: string,
  pattern: string,
  data: object,
  timeoutMs?: number,
): Promise<T> {
  const [answer] = await rpcRequests<T>(url, pattern, data, 1, timeoutMs);
  return answer;
}
