import {
  INVOICES_PATTERNS,
  InvoiceBackfillReply,
  InvoiceBackfillRequest,
  answerRpc,
  rpcFailure,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { BackfillService } from './backfill.service';

/** invoices.setup.backfill on `exact-sync`: the gateway's backfill wizard. */
@Controller()
export class BackfillConsumer {
  constructor(private readonly backfill: BackfillService) {}

  @MessagePattern(INVOICES_PATTERNS.backfill)
  backfillRequest(@Payload() body: unknown, @Ctx() context: RmqContext) {
    return answerRpc(
      context,
      InvoiceBackfillRequest,
      body,
      async (request): Promise<InvoiceBackfillReply> => ({
        ok: true,
        plan: await this.backfill.backfill(
          request.connectionId,
          request.journalIds,
          request.fromDate,
          request.dryRun ?? false,
        ),
      }),
      (failure): InvoiceBackfillReply => rpcFailure(failure),
    );
  }
}
