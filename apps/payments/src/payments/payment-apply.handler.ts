import { MappingError, OperatorDecisionError } from '@app/common';
import { JOB_KINDS } from '@app/contracts';
import { readMove, registerPayment } from '@app/odoo-client';
import {
  ClaimedJob,
  ConnectionClients,
  ConnectionDirectory,
  ConnectionEntity,
  EntityLinkStore,
  JobHandler,
  JobRun,
  MappingStore,
  SyncJobHandler,
  readyConnection,
  skipped,
} from '@app/sync-queue';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PaymentApplyPayload } from './payment-apply-jobs';
import { StoredTerm, exactPaymentState, round2 } from './payment-state';

/**
 * payment.apply: makes Odoo show what Exact shows for one invoice. From all of the entry's terms it
 * works out how much Exact has matched, compares with what Odoo has (total − residual), and
 * registers the difference with the version's payment flow on the mapped bank journal, dated with
 * Exact's last payment date. The memo carries the Exact term ID and the amount paid in Exact, and
 * Odoo is searched for it before paying, so nothing is registered twice; one job per invoice at a
 * time. Less paid in Exact than in Odoo means a payment was re-opened: that waits for an operator.
 */
@JobHandler(JOB_KINDS.paymentApply)
export class PaymentApplyHandler implements SyncJobHandler {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly mappings: MappingStore,
    private readonly links: EntityLinkStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async handle(job: ClaimedJob, run: JobRun): Promise<Record<string, unknown>> {
    const connection = await readyConnection(this.connections, job.connectionId!, 'payments');
    if (!connection) return skipped('payments are switched off for this connection');
    const { moveId, entryId } = job.payload as PaymentApplyPayload;
    const terms = (await this.db.query(
      `SELECT term_id, status, amount_fc, transaction_amount_fc, last_payment_date
         FROM exact_payment_term WHERE connection_id = $1 AND entry_id = $2`,
      [connection.id, entryId],
    )) as StoredTerm[];
    if (terms.length === 0) return skipped(`no payment terms of entry ${entryId} seen yet`);
    const exact = exactPaymentState(terms);

    const odoo = this.clients.odoo(connection);
    const move = await readMove(odoo, moveId);
    if (!move) return skipped(`account.move ${moveId} no longer exists in Odoo`);
    run.setLabel(move.name);
    const odooPaid = round2(move.amountTotal - move.amountResidual);
    const difference = round2(exact.paid - odooPaid);
    if (Math.abs(difference) < 0.005)
      return { action: 'in_sync', paidInExact: exact.paid, paidInOdoo: odooPaid };
    if (difference < 0)
      throw new OperatorDecisionError(
        `${move.name} was re-opened in Exact Online: Exact shows ${exact.paid.toFixed(2)} paid, Odoo ${odooPaid.toFixed(2)}. Undo the payment in Odoo (or match it again in Exact), then retry.`,
        'exact',
      );

    const journalId = await this.bankJournal(connection);
    const date = (exact.lastPaymentDate ?? new Date()).toISOString().slice(0, 10);
    const memo = `Exact Online ${exact.latestTermId} ${exact.paid.toFixed(2)}`;
    const payment = await registerPayment(odoo, {
      invoiceId: move.id,
      amount: difference,
      date,
      journalId,
      memo,
    });
    await this.links.link({
      connectionId: connection.id,
      kind: 'payment',
      odooModel: 'account.payment',
      odooId: payment.paymentId,
      exactEntity: 'sync/Cashflow/PaymentTerms',
      exactId: `${exact.latestTermId}:${exact.paid.toFixed(2)}`,
      sentHash: null,
    });
    return {
      action: payment.created ? 'registered' : 'already_registered',
      amount: difference,
      date,
      memo,
      paymentId: payment.paymentId,
      paidInExact: exact.paid,
    };
  }

  /** The one bank (or cash) journal mapped and switched on for this connection. */
  private async bankJournal(connection: ConnectionEntity): Promise<number> {
    const mapped = [
      ...(await this.mappings.byOdooId(connection.id, 'bank_journal')).values(),
    ].filter((m) => m.enabled && m.exactCode);
    if (mapped.length !== 1)
      throw new MappingError(
        mapped.length === 0
          ? `no bank journal is mapped for '${connection.name}': map one under setup/mappings/bank-journals, then retry`
          : `${mapped.length} bank journals are mapped for '${connection.name}': switch all but one off, then retry`,
      );
    return mapped[0].odooId;
  }
}
