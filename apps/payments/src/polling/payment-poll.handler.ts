import { JOB_KINDS } from '@app/contracts';
import { EXACT_LINE_TYPES, ExactPaymentTerm, odata, syncPaymentTerms } from '@app/exact-client';
import {
  ClaimedJob,
  ConnectionClients,
  ConnectionDirectory,
  JobHandler,
  JobNotifier,
  SyncJobHandler,
  SyncJobQueue,
  readyConnection,
  skipped,
} from '@app/sync-queue';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { paymentApplyRequest } from '../payments/payment-apply-jobs';

const CURSOR = 'exact.sync.payment_terms';
const LINE_TYPES: number[] = [EXACT_LINE_TYPES.receivable, EXACT_LINE_TYPES.payable];

/**
 * payment.poll: reads sync/Cashflow/PaymentTerms from the stored Timestamp (1,000 per page). Terms of
 * entries the connector booked (TransactionEntryID ↔ a move link) are kept in exact_payment_term
 * and each of those invoices gets a payment.apply job. Each page is stored with the new Timestamp in
 * one transaction, so a poll that stops half-way goes on from there.
 */
@JobHandler(JOB_KINDS.paymentPoll)
export class PaymentPollHandler implements SyncJobHandler {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async handle(job: ClaimedJob): Promise<Record<string, unknown>> {
    const connection = await readyConnection(this.connections, job.connectionId!, 'payments');
    if (!connection) return skipped('payments are switched off for this connection');
    const exact = this.clients.exact(connection);
    const [stored] = (await this.db.query(
      `SELECT value FROM sync_cursor WHERE connection_id = $1 AND name = $2`,
      [connection.id, CURSOR],
    )) as { value: string }[];
    const from = stored?.value ?? '1';
    let [to, pages, terms] = [from, 0, 0];
    const invoices = new Set<string>();
    for await (const page of syncPaymentTerms.pages(exact, `Timestamp gt ${odata.int64(from)}`)) {
      pages += 1;
      if (page.length === 0) continue;
      terms += page.length;
      const stored = await this.db.transaction((manager) =>
        this.storePage(manager, connection.id, page),
      );
      to = stored.highest;
      for (const job of stored.queued) invoices.add(job.id);
      await this.notifier.jobsReady(stored.queued);
    }
    return { action: 'polled', from, to, pages, terms, invoices: invoices.size };
  }

  private async storePage(manager: EntityManager, connectionId: string, page: ExactPaymentTerm[]) {
    const relevant = page.filter((t) => LINE_TYPES.includes(Number(t.LineType)));
    const entryIds = [...new Set(relevant.map((t) => t.TransactionEntryID.toLowerCase()))];
    const links = (await manager.query(
      `SELECT odoo_id, lower(exact_id) AS entry_id FROM entity_link
        WHERE connection_id = $1 AND kind = 'move' AND lower(exact_id) = ANY($2::text[])`,
      [connectionId, entryIds],
    )) as { odoo_id: number; entry_id: string }[];
    const moveOf = new Map(links.map((l) => [l.entry_id, l.odoo_id]));
    for (const term of relevant) {
      const entryId = term.TransactionEntryID.toLowerCase();
      if (!moveOf.has(entryId)) continue;
      await manager.query(
        `INSERT INTO exact_payment_term (connection_id, term_id, entry_id, line_type, status, amount_fc,
                                         transaction_amount_fc, last_payment_date, exact_timestamp)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (connection_id, term_id) DO UPDATE SET
           entry_id = EXCLUDED.entry_id, status = EXCLUDED.status, amount_fc = EXCLUDED.amount_fc,
           transaction_amount_fc = EXCLUDED.transaction_amount_fc,
           last_payment_date = EXCLUDED.last_payment_date, exact_timestamp = EXCLUDED.exact_timestamp,
           updated_at = now()
         WHERE exact_payment_term.exact_timestamp <= EXCLUDED.exact_timestamp`,
        [
          connectionId,
          term.ID,
          entryId,
          term.LineType,
          term.Status,
          term.AmountFC,
          term.TransactionAmountFC,
          term.LastPaymentDate,
          String(term.Timestamp),
        ],
      );
    }
    const queued = await this.queue.enqueueAll(
      entryIds
        .filter((id) => moveOf.has(id))
        .map((entryId) =>
          paymentApplyRequest(connectionId, { moveId: moveOf.get(entryId)!, entryId }),
        ),
      manager,
    );
    const highest = page
      .reduce((max, t) => (BigInt(t.Timestamp) > max ? BigInt(t.Timestamp) : max), 0n)
      .toString();
    await manager.query(
      `INSERT INTO sync_cursor (connection_id, name, value) VALUES ($1, $2, $3)
       ON CONFLICT (connection_id, name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [connectionId, CURSOR, highest],
    );
    return { queued, highest };
  }
}
