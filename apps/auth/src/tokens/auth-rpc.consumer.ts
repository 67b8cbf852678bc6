import {
  AUTH_PATTERNS,
  AuthCodeExchangeRequest,
  AuthRefusal,
  AuthTokenRenewRequest,
  AuthTokenRequest,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { TokenCustody } from './token-custody.service';

/** The auth service's RPC on `exact-sync`: token requests and code exchanges. */
@Controller()
export class AuthRpcConsumer {
  constructor(private readonly custody: TokenCustody) {}

  @MessagePattern(AUTH_PATTERNS.tokenGet)
  tokenGet(@Payload() body: unknown, @Ctx() context: RmqContext) {
    return this.answer(context, AuthTokenRequest, body, (request) =>
      this.custody.get(request.connectionId),
    );
  }

  @MessagePattern(AUTH_PATTERNS.tokenRenew)
  tokenRenew(@Payload() body: unknown, @Ctx() context: RmqContext) {
    return this.answer(context, AuthTokenRenewRequest, body, (request) =>
      this.custody.renew(request.connectionId, request.refused),
    );
  }

  @MessagePattern(AUTH_PATTERNS.codeExchange)
  codeExchange(@Payload() body: unknown, @Ctx() context: RmqContext) {
    return this.answer(context, AuthCodeExchangeRequest, body, (request) =>
      this.custody.exchange(request.connectionId, request.code),
    );
  }

  /** Validates, answers, and acknowledges the request once the answer is ready (a crash before that means a retry by the caller). */
  private async answer<T extends object, R>(
    context: RmqContext,
    type: ClassConstructor<T>,
    body: unknown,
    work: (request: T) => Promise<R>,
  ) {
    const request = plainToInstance(type, body ?? {});
    const errors = validateSync(request);
    let reply: R | { ok: false; refusal: AuthRefusal; message: string };
    if (errors.length > 0) {
      reply = {
        ok: false,
        refusal: 'invalid_request',
        message: `invalid request: ${errors.map((e) => e.property).join(', ')}`,
      };
    } else {
      try {
        reply = await work(request);
      } catch (error) {
        reply = { ok: false, refusal: 'try_later', message: (error as Error).message };
      }
    }
    (context.getChannelRef() as Channel).ack(context.getMessage() as ConsumeMessage);
    return reply;
  }
}
