import {
  CONTACTS_PATTERNS,
  PartnerSetupReply,
  PartnerSetupRequest,
  answerRpc,
} from '@app/contracts';
import { classifyFailure } from '@app/common';
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
      async (request): Promise<PartnerSetupReply> => {
        try {
          const plan = await this.setup.setup(
            request.connectionId,
            request.master,
            request.dryRun ?? false,
          );
          return { ok: true, plan };
        } catch (error) {
          const failure = classifyFailure(error);
          return { ok: false, errorClass: failure.errorClass, message: failure.message };
        }
      },
      (message): PartnerSetupReply => ({ ok: false, errorClass: 'connector', message }),
    );
  }
}
