import {
  CONTACTS_PATTERNS,
  ContactsEnsureReply,
  ContactsEnsureRequest,
  answerRpc,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { PartnerEnsureService } from './partner-ensure.service';

/** contacts.ensure on `exact-sync`: the invoices service asks before booking an entry. */
@Controller()
export class PartnerEnsureConsumer {
  constructor(private readonly ensurer: PartnerEnsureService) {}

  @MessagePattern(CONTACTS_PATTERNS.ensure)
  ensure(@Payload() body: unknown, @Ctx() context: RmqContext) {
    return answerRpc(
      context,
      ContactsEnsureRequest,
      body,
      (request) => this.ensurer.ensure(request.connectionId, request.partnerId),
      (failure): ContactsEnsureReply => ({
        ok: false,
        errorClass: failure.errorClass,
        retryable: failure.retryable,
        message: failure.message,
      }),
    );
  }
}
