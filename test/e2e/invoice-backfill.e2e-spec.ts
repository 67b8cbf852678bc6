import type { InvoiceBackfillPlan } from '@app/contracts';
import { waitFor } from '../../scripts/stack';
import {
  E2eStack,
  SANDBOX_DIVISION,
  connectionApi,
  odooOfCompany1,
  startE2eStack,
} from '../support/e2e-stack';

const INVOICES = 500;
/** A "minute" of 2 s with 60 calls: far fewer calls than 8 workers would make unchecked. */
const WINDOW_MS = 2000;
const PER_WINDOW = 60;

describe('invoice backfill (500 invoices under a tight Exact budget)', () => {
  let stack: E2eStack;
  let salesJournal: number;
  /** The sandbox's own posted documents in that journal since October (its demo data). */
  let demoDocuments: number;
  const created: number[] = [];
  const total = () => INVOICES + demoDocuments;
  const odoo = <T>(model: string, method: string, args: unknown[], kwargs: object = {}) =>
    odooOfCompany1(stack).call<T>(model, method, args, kwargs);
  const api = <T>(method: string, path: string, body?: unknown) =>
    connectionApi(stack)<T>(method, path, body);

  beforeAll(async () => {
    stack = await startE2eStack({
      invoices: 1,
      sandboxEnv: { SANDBOX_EXACT_MINUTE_MS: String(WINDOW_MS) },
      env: { EXACT_RATE_WINDOW_MS: String(WINDOW_MS), JOB_CONCURRENCY: '8' },
    });
    await stack.sandboxClient.setExactLimits({ minutely: PER_WINDOW, daily: 20_000 });

    const mapped = await stack.gatewayClient.mapSandboxInvoicing(stack.connection.id);
    salesJournal = mapped.salesJournal;
    const sales = mapped.salesAccount;

    demoDocuments = await odoo<number>('account.move', 'search_count', [
      [
        ['journal_id', '=', salesJournal],
        ['state', '=', 'posted'],
        ['invoice_date', '>=', '2026-10-01'],
      ],
    ]);
    // Last month's invoices, before the connection's start date: only a backfill books them.
    const [tax21] = await odoo<number[]>('account.tax', 'search', [
      [
        ['name', '=', '21%'],
        ['company_id', '=', 1],
      ],
    ]);
    const customers = await odoo<number[]>('res.partner', 'search', [
      [
        ['customer_rank', '>', 0],
        ['company_id', '=', 1],
        ['parent_id', '=', false],
      ],
    ]);
    for (let start = 0; start < INVOICES; start += 100) {
      const ids = await odoo<number[]>('account.move', 'create', [
        Array.from({ length: Math.min(100, INVOICES - start) }, (_, n) => {
          const i = start + n;
          return {
            move_type: 'out_invoice',
            partner_id: customers[i % customers.length],
            journal_id: salesJournal,
            // Created out of date order, so that the backfill's ordering shows.
            invoice_date: `2026-10-${String(25 - (i % 25)).padStart(2, '0')}`,
            invoice_line_ids: [
              [
                0,
                0,
                {
                  name: `Item ${i}`,
                  quantity: 1 + (i % 3),
                  price_unit: 10 + i,
                  tax_ids: [[6, 0, [tax21]]],
                  account_id: sales,
                },
              ],
            ],
          };
        }),
      ]);
      await odoo('account.move', 'action_post', [ids]);
      created.push(...ids);
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('plans the calls and the days of budget in a dry run', async () => {
    // Allowing the backfill 5% of Exact's day (1,000 of 20,000 calls) spreads 1,500 calls over two days.
    await stack.gatewayClient.request('PATCH', `/api/connections/${stack.connection.id}`, {
      settings: { backfillDailyShare: 0.05 },
    });
    const { status, body } = await api<InvoiceBackfillPlan>('POST', '/setup/invoices', {
      journalIds: [salesJournal],
      fromDate: '2026-10-01',
      dryRun: true,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      dryRun: true,
      invoices: total(),
      alreadyBooked: 0,
      exactCalls: { perInvoice: 3, needed: 3 * total(), perDay: 1000, days: 2 },
    });
    const refused = await api<{ fields: string[] }>('POST', '/setup/invoices', {
      journalIds: [],
      fromDate: '1 October',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.sort()).toEqual(['fromDate', 'journalIds']);
  });

  it('books them all oldest first with zero 429s', async () => {
    await stack.gatewayClient.request('PATCH', `/api/connections/${stack.connection.id}`, {
      settings: { backfillDailyShare: 0.8 },
    });
    await stack.sandboxClient.clearCalls();
    const { body } = await api<InvoiceBackfillPlan>('POST', '/setup/invoices', {
      journalIds: [salesJournal],
      fromDate: '2026-10-01',
    });
    expect(body).toMatchObject({ queued: total(), exactCalls: { days: 1 } });

    const queued: { id: string; source_id: string }[] = await stack.db.query(
      `SELECT id, source_id FROM sync_job WHERE kind = 'invoice.sync' ORDER BY id`,
    );
    const dates = await odoo<{ id: number; invoice_date: string }[]>(
      'account.move',
      'read',
      [queued.map((j) => Number(j.source_id))],
      { fields: ['invoice_date'] },
    );
    const dateOf = new Map(dates.map((d) => [d.id, d.invoice_date]));
    const inQueueOrder = queued.map((j) => dateOf.get(Number(j.source_id))!);
    expect(inQueueOrder).toEqual([...inQueueOrder].sort());

    await waitFor(
      'every backfill job to settle',
      async () => {
        const [row] = await stack.db.query(
          `SELECT count(*) FILTER (WHERE state IN ('pending', 'running'))::int AS open FROM sync_job WHERE kind = 'invoice.sync'`,
        );
        return row.open === 0 ? row : undefined;
      },
      240_000,
      1000,
    );
    const outcomes: { source_id: string; state: string; last_error: string | null }[] =
      await stack.db.query(
        `SELECT source_id, state, last_error FROM sync_job WHERE kind = 'invoice.sync'`,
      );
    const ours = new Set(created.map(String));
    expect(outcomes.filter((o) => ours.has(o.source_id) && o.state === 'done')).toHaveLength(
      INVOICES,
    );
    // The sandbox's demo invoice uses a 6% tax the Dutch administration has no code for: it waits.
    for (const other of outcomes.filter((o) => !ours.has(o.source_id) && o.state !== 'done'))
      expect(other).toMatchObject({
        state: 'failed',
        last_error: expect.stringContaining('has no Exact VAT code mapped'),
      });
    const calls = (await stack.sandboxClient.calls('exact')).calls.filter(
      (c) => c.division === SANDBOX_DIVISION,
    );
    // The simulator refuses the 61st call of a window with a 429: none means the budget paced every job.
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
    // One entry per booked invoice: ours and the sandbox's demo credit note.
    expect(
      calls.filter((c) => c.method === 'POST' && c.path === 'salesentry/SalesEntries'),
    ).toHaveLength(outcomes.filter((o) => o.state === 'done').length);
    const again = await api<InvoiceBackfillPlan>('POST', '/setup/invoices', {
      journalIds: [salesJournal],
      fromDate: '2026-10-01',
      dryRun: true,
    });
    expect(again.body).toMatchObject({
      invoices: total() - outcomes.filter((o) => o.state === 'done').length,
      alreadyBooked: outcomes.filter((o) => o.state === 'done').length,
    });
  }, 300_000);
});
