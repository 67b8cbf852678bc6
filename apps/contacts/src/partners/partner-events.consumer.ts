import { PARTNER_EVENTS_PATTERN, parseOdooCloudEvent } from '@app/contracts';
import { EventIntakeService } from '@app/sync-queue';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, RmqContext } from '@nestjs/microservices';
import { PartnerJobsService } from './partner-jobs.service';

/** Odoo partner events → contact.sync jobs (validated, deduplicated, acknowledged after commit). */
@Controller()
export class PartnerEventsConsumer {
  constructor(
    private readonly intake: EventIntakeService,
    private readonly partnerJobs: PartnerJobsService,
  ) {}

  @EventPattern<string>(PARTNER_EVENTS_PATTERN)
  async onPartnerEvent(@Payload() body: unknown, @Ctx() context: RmqContext): Promise<void> {
    await this.intake.consume(context, body, parseOdooCloudEvent, async (event, manager) => {
      await this.partnerJobs.enqueueForEvent(event, manager);
    });
  }
}
