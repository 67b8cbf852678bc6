import type { RmqContext } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * The body of every RPC handler on `exact-sync`: validate the request, do the work, acknowledge the
 * request once the answer is ready (a crash before that redelivers it), and answer. A request that
 * fails validation, and work that throws, are answered too — never left without a reply.
 */
export async function answerRpc<T extends object, R, F>(
  context: RmqContext,
  type: ClassConstructor<T>,
  body: unknown,
  work: (request: T) => Promise<R>,
  failure: (message: string, kind: 'invalid' | 'error') => F,
): Promise<R | F> {
  const request = plainToInstance(type, body ?? {});
  const errors = validateSync(request);
  let reply: R | F;
  if (errors.length > 0) {
    reply = failure(`invalid request: ${errors.map((e) => e.property).join(', ')}`, 'invalid');
  } else {
    try {
      reply = await work(request);
    } catch (error) {
      reply = failure((error as Error).message, 'error');
    }
  }
  (context.getChannelRef() as Channel).ack(context.getMessage() as ConsumeMessage);
  return reply;
}
