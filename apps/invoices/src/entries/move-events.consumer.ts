import { MOVE_EVENTS_PATTERN, ODOO_EVENT_TYPES, parseOdooCloudEvent } from '@app/contracts';
import { EventIntakeService, OdooRecordJobs } from '@app/sync-queue';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, RmqContext } from '@nestjs/microservices';
import { INVOICE_SYNC } from './invoice-jobs';

/** Posted (and changed posted) invoices → invoice.sync jobs; validated, deduplicated, acked after commit. */
@Controller()
export class MoveEventsConsumer {
  constructor(
    private readonly intake: EventIntakeService,
    private readonly records: OdooRecordJobs,
  ) {}

  @EventPattern<string>(MOVE_EVENTS_PATTERN)
  async onMoveEvent(@Payload() body: unknown, @Ctx() context: RmqContext): Promise<void> {
    await this.intake.consume(context, body, parseOdooCloudEvent, async (event, manager) => {
      // A cancelled invoice is left to the accountant in Exact (its entry may be paid or closed).
      if (event.type === ODOO_EVENT_TYPES.moveCancelled) return;
      await this.records.enqueueForEvent(INVOICE_SYNC, event, manager);
    });
  }
}
