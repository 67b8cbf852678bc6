import { ErrorClass, classifyFailure } from '@app/common';
import type { RmqContext } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Why an RPC request got no regular answer: it was invalid, or the work failed. */
export interface RpcFailure {
  kind: 'invalid' | 'error';
  message: string;
  errorClass: ErrorClass;
  retryable: boolean;
  /** What the work threw (kind `error`). */
  error?: unknown;
}

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
  failure: (failure: RpcFailure) => F,
): Promise<R | F> {
  const request = plainToInstance(type, body ?? {});
  const errors = validateSync(request);
  let reply: R | F;
  if (errors.length > 0) {
    reply = failure({
      kind: 'invalid',
      message: `invalid request: ${errors.map((e) => e.property).join(', ')}`,
      errorClass: 'mapping',
      retryable: false,
    });
  } else {
    try {
      reply = await work(request);
    } catch (error) {
      reply = failure({ kind: 'error', ...classifyFailure(error), error });
    }
  }
  (context.getChannelRef() as Channel).ack(context.getMessage() as ConsumeMessage);
  return reply;
}

/** The `{ok: false}` answer of an RPC whose work failed: its error class and message. */
export function rpcFailure(failure: RpcFailure): {
  ok: false;
  errorClass: ErrorClass;
  message: string;
} {
  return { ok: false, errorClass: failure.errorClass, message: failure.message };
}
