import { MappingError } from '@app/common';
import { InvoiceBackfillPlan } from '@app/contracts';
import {
  ConnectionClients,
  ConnectionDirectory,
  EntityLinkEntity,
  EnqueueRequest,
  JobNotifier,
  MappingStore,
  OdooRecordJobs,
  SyncJobQueue,
  connectionSettings,
  readyConnection,
} from '@app/sync-queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { INVOICE_SYNC, InvoiceJobPayload } from '../entries/invoice-jobs';

/**
 * Which day (0 = today) the backfill's call number `calls` falls in: today has `today` calls for
 * it, every later day `perDay`.
 */
export function backfillDays(perDay: number, today: number): (calls: number) => number {
  return (calls) => (calls <= today ? 0 : 1 + Math.floor((calls - today - 1) / perDay));
}

/** Document, attachment, entry: what booking one invoice with its PDF costs in Exact calls. */
const CALLS_PER_INVOICE = 3;
const INVOICE_TYPES = ['out_invoice', 'out_refund', 'in_invoice', 'in_refund'];
const DAY_MS = 86_400_000;

/**
 * The backfill: books the posted invoices of chosen journals from a date, oldest first. The dry
 * run counts them and the Exact calls they need against the division's daily budget; the run queues
 * one invoice.sync per invoice (below live work), spread over as many days as the budget share
 * allows — today's jobs at once, the others from the UTC midnights at which Exact's day resets.
 */
@Injectable()
export class BackfillService {
  private readonly log = new Logger(BackfillService.name);

  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly mappings: MappingStore,
    private readonly records: OdooRecordJobs,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async backfill(
    connectionId: string,
    journalIds: number[],
    fromDate: string,
    dryRun: boolean,
  ): Promise<InvoiceBackfillPlan> {
    const connection = await readyConnection(this.connections, connectionId, null);
    const journals = await this.mappings.byOdooId(connection.id, 'journal');
    const unusable = journalIds.filter(
      (id) => !journals.get(id)?.exactCode || !journals.get(id)!.enabled,
    );
    if (unusable.length > 0)
      throw new MappingError(
        `account.journal ${unusable.join(', ')}: not mapped to an Exact journal, or switched off`,
      );

    const odoo = this.clients.odoo(connection);
    const adapter = await odoo.adapter();
    const moves = await odoo.rpc.executeKw<{ id: number; invoice_date: string }[]>(
      'account.move',
      'search_read',
      [
        [
          ['journal_id', 'in', journalIds],
          ['state', '=', 'posted'],
          [adapter.moveTypeField, 'in', INVOICE_TYPES],
          ['invoice_date', '>=', fromDate],
        ],
      ],
      { fields: ['invoice_date'], order: 'invoice_date asc, id asc' },
    );
    const booked = new Set(
      (
        await this.db.getRepository(EntityLinkEntity).findBy({
          connectionId: connection.id,
          kind: 'move',
          odooId: In(moves.map((m) => m.id)),
        })
      ).map((link) => link.odooId),
    );
    const toBook = moves.filter((m) => !booked.has(m.id));

    const settings = connectionSettings(connection);
    const perInvoice = CALLS_PER_INVOICE + (settings.invoiceReadBack ? 1 : 0);
    const budget = await this.clients.budget(connection);
    const perDay = Math.max(
      perInvoice,
      Math.floor(budget.dailyLimit * settings.backfillDailyShare),
    );
    const today = Math.min(perDay, budget.dailyRemaining ?? budget.dailyLimit);
    const dayOf = (calls: number) =>
      calls <= today ? 0 : 1 + Math.floor((calls - today - 1) / perDay);
    const needed = toBook.length * perInvoice;
    const plan: InvoiceBackfillPlan = {
      dryRun,
      invoices: toBook.length,
      alreadyBooked: booked.size,
      exactCalls: {
        perInvoice,
        needed,
        perDay,
        remainingToday: budget.dailyRemaining,
        days: needed === 0 ? 0 : dayOf(needed) + 1,
      },
    };
    if (dryRun) return plan;

    const now = Date.now();
    const midnight = Math.ceil(now / DAY_MS) * DAY_MS;
    const jobs: EnqueueRequest[] = toBook.map((move, index) => {
      const day = dayOf((index + 1) * perInvoice);
      const payload: InvoiceJobPayload = {
        db: connection.odooDb,
        companyId: connection.odooCompanyId,
        resId: move.id,
        source: 'backfill',
        backfill: true,
      };
      return {
        ...this.records.request(INVOICE_SYNC, connection, payload),
        // Live invoices go first; within the backfill, oldest first.
        priority: -1,
        runAt: new Date(day === 0 ? now : midnight + (day - 1) * DAY_MS),
      };
    });
    const correlationId = `backfill:${connection.id}:${now}`;
    const queued = await this.queue.enqueueAll(jobs.map((job) => ({ ...job, correlationId })));
    await this.notifier.jobsReady(queued);
    this.log.log(
      `connection ${connection.id}: backfill queued ${queued.length} invoice(s) over ${plan.exactCalls.days} day(s)`,
    );
    return {
      ...plan,
      queued: queued.length,
      lastRunAt: jobs.length > 0 ? jobs[jobs.length - 1].runAt!.toISOString() : undefined,
    };
  }
}
