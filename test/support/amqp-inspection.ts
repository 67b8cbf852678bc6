import { connect } from 'amqplib';

/** Messages ready in a queue (e.g. a dead-letter queue), read without consuming them. */
export async function queueDepth(url: string, queue: string): Promise<number> {
  const connection = await connect(url);
  try {
    const channel = await connection.createChannel();
    const { messageCount } = await channel.checkQueue(queue);
    await channel.close();
    return messageCount;
  } finally {
    await connection.close();
  }
}
