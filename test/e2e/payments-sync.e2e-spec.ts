import { createHmac } from 'node:crypto';
import { SyncJob } from '../../scripts/gateway-client';
import { waitFor } from '../../scripts/stack';
import {
  E2eStack,
  SANDBOX_DIVISION,
  connectionApi,
  odooOfCompany1,
  startE2eStack,
} from '../support/e2e-stack';

const WEBHOOK_SECRET = 'sandbox-webhook-secret';

/**
 * Payments from Exact Online to Odoo against the simulators, every app its own process, on Odoo 13
 * and 17: an accountant matches payments in the Exact simulator; the poll (asked for by an operator
 * or by an Exact webhook) registers them on the invoices in Odoo — once.
 */
describe.each([13, 17])('payments sync with Odoo %i', (version) => {
  let stack: E2eStack;
  const typeField = version === 13 ? 'type' : 'move_type';
  const stateField = version === 13 ? 'invoice_payment_state' : 'payment_state';
  const memoField = version === 13 ? 'communication' : 'ref';
  const odoo = <T>(model: string, method: string, args: unknown[], kwargs: object = {}) =>
    odooOfCompany1(stack).call<T>(model, method, args, kwargs);
  const idOf = (model: string, domain: unknown[]) => odooOfCompany1(stack).idOf(model, domain);
  const api = <T>(method: string, path: string, body?: unknown) =>
    connectionApi(stack)<T>(method, path, body);
  let tax21: number;
  let sales: number;

  beforeAll(async () => {
    stack = await startE2eStack({
      invoices: 1,
      payments: 1,
      odooEvents: true,
      odooVersion: version,
      // Polls come from the operator or from webhooks here, not from the schedule.
      env: { EXACT_WEBHOOK_SECRET: WEBHOOK_SECRET, PAYMENTS_POLL_INTERVAL_MS: '600000' },
    });
    // Throws unless every mapping, the bank journal's too, is accepted.
    sales = (await stack.gatewayClient.mapSandboxInvoicing(stack.connection.id)).salesAccount;
    tax21 = await idOf('account.tax', [
      ['name', '=', '21%'],
      ['company_id', '=', 1],
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A posted invoice of 121.00 (100 + 21% VAT), booked in Exact: its move id and entry id. */
  async function bookedInvoice(): Promise<{ moveId: number; entryId: string }> {
    const moveId = await odoo<number>('account.move', 'create', [
      {
        [typeField]: 'out_invoice',
        partner_id: await idOf('res.partner', [['name', '=', 'Agrolait']]),
        journal_id: await idOf('account.journal', [
          ['code', '=', 'INV'],
          ['company_id', '=', 1],
        ]),
        invoice_date: new Date().toISOString().slice(0, 10),
        invoice_line_ids: [
          [
            0,
            0,
            {
              name: 'Service',
              quantity: 1,
              price_unit: 100,
              tax_ids: [[6, 0, [tax21]]],
              account_id: sales,
            },
          ],
        ],
      },
    ]);
    await odoo('account.move', 'action_post', [[moveId]]);
    const job = await waitFor('the invoice to be booked', async () => {
      const [latest] = await stack.gatewayClient.jobs({
        kind: 'invoice.sync',
        q: `account.move/${moveId}`,
      });
      return latest?.state === 'done' ? latest : undefined;
    });
    return { moveId, entryId: String(job.result!.exactEntryId) };
  }

  const move = async (id: number) =>
    (
      await odoo<Record<string, unknown>[]>('account.move', 'read', [[id]], {
        fields: ['amount_residual', stateField],
      })
    )[0];
  const paymentsOf = (memoPart: string) =>
    odoo<Record<string, unknown>[]>(
      'account.payment',
      'search_read',
      [[[memoField, 'like', memoPart]]],
      {
        fields: ['amount', memoField, version === 13 ? 'payment_date' : 'date'],
      },
    );

  /** Asks for a poll as an operator and waits until it and the invoice's payment.apply have run. */
  async function pollFor(
    moveId: number,
    accept = (job: SyncJob) => job.state === 'done',
  ): Promise<SyncJob> {
    const before = (
      await stack.gatewayClient.jobs({ kind: 'payment.apply', q: `account.move/${moveId}` })
    ).map((j) => j.id);
    const { status, body } = await api<{ jobId: string }>('POST', '/payments/poll');
    expect(status).toBe(202);
    await waitFor('the poll', async () => {
      const job = await stack.gatewayClient.job(body.jobId);
      return job.state === 'done' ? job : undefined;
    });
    return waitFor('the payment to be applied', async () => {
      const [latest] = await stack.gatewayClient.jobs({
        kind: 'payment.apply',
        q: `account.move/${moveId}`,
      });
      return latest && !before.includes(latest.id) && (accept(latest) || latest.state === 'failed')
        ? latest
        : undefined;
    });
  }

  it('registers a payment matched in Exact on the invoice in Odoo, dated as in Exact', async () => {
    const { moveId, entryId } = await bookedInvoice();
    await stack.sandboxClient.payExact(SANDBOX_DIVISION, entryId, 121, '2026-11-20');
    const applied = await pollFor(moveId);
    expect(applied.result).toMatchObject({
      action: 'registered',
      amount: 121,
      date: '2026-11-20',
      paidInExact: 121,
    });
    expect(await move(moveId)).toMatchObject({ amount_residual: 0, [stateField]: 'paid' });
    const [payment] = await paymentsOf(String(applied.result!.memo));
    expect(payment).toMatchObject({
      amount: 121,
      [version === 13 ? 'payment_date' : 'date']: '2026-11-20',
    });
  });

  let partlyPaid: { moveId: number; entryId: string };

  it('registers a partial payment, then the rest', async () => {
    partlyPaid = await bookedInvoice();
    const { moveId, entryId } = partlyPaid;
    await stack.sandboxClient.payExact(SANDBOX_DIVISION, entryId, 40, '2026-11-21');
    expect((await pollFor(moveId)).result).toMatchObject({ action: 'registered', amount: 40 });
    expect(await move(moveId)).toMatchObject({
      amount_residual: 81,
      [stateField]: version === 13 ? 'not_paid' : 'partial',
    });
    await stack.sandboxClient.payExact(SANDBOX_DIVISION, entryId, 81, '2026-11-22');
    expect((await pollFor(moveId)).result).toMatchObject({
      action: 'registered',
      amount: 81,
      paidInExact: 121,
    });
    expect(await move(moveId)).toMatchObject({ amount_residual: 0, [stateField]: 'paid' });
  });

  it('registers nothing twice when every term is read again', async () => {
    const { moveId } = partlyPaid;
    const count = async () =>
      await odoo<number>('account.payment', 'search_count', [
        [[memoField, 'like', 'Exact Online']],
      ]);
    const before = await count();
    // Forget where the last poll stopped: the next one reads every term again.
    await stack.db.query(`DELETE FROM sync_cursor WHERE connection_id = $1`, [stack.connection.id]);
    const again = await pollFor(moveId);
    expect(again.result).toMatchObject({ action: 'in_sync', paidInExact: 121, paidInOdoo: 121 });
    expect(await count()).toBe(before);
  });

  it('leaves a term re-opened in Exact to an operator', async () => {
    const { moveId, entryId } = partlyPaid;
    await stack.sandboxClient.reopenExact(SANDBOX_DIVISION, entryId);
    const job = await pollFor(moveId, () => false);
    expect(job).toMatchObject({ state: 'failed', errorClass: 'exact', attempts: 0 });
    expect(job.lastError).toContain('re-opened in Exact Online');
    expect(await move(moveId)).toMatchObject({ amount_residual: 0 });
  });

  it('refuses a webhook with a bad signature (401, no poll); a good one polls within 2 seconds', async () => {
    const polls = async () => (await stack.gatewayClient.jobs({ kind: 'payment.poll' })).length;
    const content = JSON.stringify({
      Topic: 'FinancialTransactions',
      ClientId: 'sandbox-client-id',
      Division: SANDBOX_DIVISION,
      Action: 'Update',
      Key: '00000000-0000-0000-0000-000000000001',
    });
    const before = await polls();
    const forged = await fetch(`${stack.gateway.url}/webhooks/exact`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"Content":${content},"HashCode":"${createHmac('sha256', 'not-the-secret').update(content).digest('hex').toUpperCase()}"}`,
    });
    expect(forged.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await polls()).toBe(before);

    // Exact validates the callback with an empty POST when subscribing; the gateway answers it.
    const subscribed = await api<{ ID: string; Topic: string }>('POST', '/exact/webhooks', {
      callbackUrl: `${stack.gateway.url}/webhooks/exact`,
    });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body.Topic).toBe('FinancialTransactions');

    const { moveId, entryId } = await bookedInvoice();
    const paidAt = Date.now();
    await stack.sandboxClient.payExact(SANDBOX_DIVISION, entryId, 121);
    const poll = await waitFor(
      'a poll triggered by the webhook',
      async () =>
        (await stack.gatewayClient.jobs({ kind: 'payment.poll' })).find(
          (j) => j.payload?.trigger === 'webhook' && Date.parse(j.createdAt) >= paidAt - 50,
        ),
      2000,
      50,
    );
    expect(Date.parse(poll.createdAt) - paidAt).toBeLessThan(2000);
    await waitFor('Odoo to show it paid', async () =>
      (await move(moveId))[stateField] === 'paid' ? true : undefined,
    );
  });

  it('does not poll a connection with payments switched off', async () => {
    const patched = await stack.gatewayClient.request<{ features: Record<string, boolean> }>(
      'PATCH',
      `/api/connections/${stack.connection.id}`,
      { features: { payments: false } },
    );
    // Only what was sent changes.
    expect(patched.body.features).toEqual({
      contacts: true,
      sales: true,
      purchases: true,
      payments: false,
    });
    const refused = await api('POST', '/payments/poll');
    expect(refused.status).toBe(409);
    await stack.sandboxClient.clearCalls();
    const { entryId } = await bookedInvoice();
    await stack.sandboxClient.payExact(SANDBOX_DIVISION, entryId, 121);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const calls = (await stack.sandboxClient.calls('exact')).calls;
    expect(calls.filter((c) => c.path.startsWith('sync/Cashflow'))).toEqual([]);
  });
});

describe('scheduled payment polls', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack({ payments: 2, env: { PAYMENTS_POLL_INTERVAL_MS: '1000' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('polls every connection on schedule, one poll at a time across two replicas', async () => {
    const attempts = await waitFor(
      'a few scheduled polls',
      async () => {
        const rows: { started_at: Date; finished_at: Date | null; trigger: string }[] =
          await stack.db.query(
            `SELECT a.started_at, a.finished_at, j.payload->>'trigger' AS trigger
               FROM sync_job_attempt a JOIN sync_job j ON j.id = a.job_id
              WHERE j.kind = 'payment.poll' AND a.finished_at IS NOT NULL ORDER BY a.started_at`,
          );
        return rows.length >= 4 ? rows : undefined;
      },
      15_000,
      200,
    );
    expect(attempts.every((a) => a.trigger === 'schedule')).toBe(true);
    for (let i = 1; i < attempts.length; i++)
      expect(attempts[i].started_at.getTime()).toBeGreaterThanOrEqual(
        attempts[i - 1].finished_at!.getTime(),
      );
  });
});
