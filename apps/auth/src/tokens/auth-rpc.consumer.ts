import {
  AUTH_PATTERNS,
  AuthCodeExchangeRequest,
  AuthRefusal,
  AuthTokenRenewRequest,
  AuthTokenRequest,
  answerRpc,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import type { ClassConstructor } from 'class-transformer';
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

  private answer<T extends object, R>(
    context: RmqContext,
    type: ClassConstructor<T>,
    body: unknown,
    work: (request: T) => Promise<R>,
  ) {
    return answerRpc(context, type, body, work, (failure) => ({
      ok: false as const,
      refusal: (failure.kind === 'invalid' ? 'invalid_request' : 'try_later') as AuthRefusal,
      message: failure.message,
    }));
  }
}
