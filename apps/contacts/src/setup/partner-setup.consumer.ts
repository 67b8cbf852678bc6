import {
  CONTACTS_PATTERNS,
  PartnerSetupReply,
  PartnerSetupRequest,
  answerRpc,
  rpcFailure,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { PartnerSetupService } from './partner-setup.service';

/** contacts.setup.partners on `exact-sync`: the gateway's initial-sync wizard. */
@Controller()
export class PartnerSetupConsumer {
  constructor(private readonly setup: PartnerSetupService) {}

  @MessagePattern(CONTACTS_PATTERNS.setupPartners)
  setupPartners(@Payload() body: unknown, @Ctx() context: RmqContext) {
    return answerRpc(
      context,
      PartnerSetupRequest,
      body,
      async (request): Promise<PartnerSetupReply> => ({
        ok: true,
        plan: await this.setup.setup(request.connectionId, request.master, request.dryRun ?? false),
      }),
      (failure): PartnerSetupReply => rpcFailure(failure),
    );
  }
}
