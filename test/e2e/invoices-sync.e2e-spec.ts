import type { MappingItem } from '@app/contracts';
import { SyncJob } from '../../scripts/gateway-client';
import { waitFor } from '../../scripts/stack';
import {
  E2eStack,
  SANDBOX_DIVISION,
  connectionApi,
  odooOfCompany1,
  startE2eStack,
} from '../support/e2e-stack';

type Line = [
  name: string,
  quantity: number,
  priceUnit: number,
  taxIds: number[],
  accountId?: number,
];

/**
 * Invoices from Odoo to Exact Online against the simulators, every app its own process, on the
 * oldest and the newest Odoo the connector supports: mappings through the admin API, the four move
 * types with their PDF, a mapping error fixed and retried, a lost answer, a re-posted invoice.
 */
describe.each([13, 17])('invoices sync with Odoo %i', (version) => {
  let stack: E2eStack;
  const typeField = version === 13 ? 'type' : 'move_type';
  const odoo = <T>(model: string, method: string, args: unknown[], kwargs: object = {}) =>
    odooOfCompany1(stack).call<T>(model, method, args, kwargs);
  const idOf = (model: string, domain: unknown[]) => odooOfCompany1(stack).idOf(model, domain);
  const exactRecords = (set: string) => stack.sandboxClient.exactRecords(SANDBOX_DIVISION, set);
  const api = <T>(method: string, path: string, body?: unknown) =>
    connectionApi(stack)<T>(method, path, body);

  let taxes: { sale21: number; sale0: number; sale6: number; purchase21: number };
  let accounts: { sales: number; services: number; purchases: number };

  beforeAll(async () => {
    stack = await startE2eStack({
      invoices: 1,
      odooEvents: true,
      odooVersion: version,
    });
    const tax = (name: string) =>
      idOf('account.tax', [
        ['name', '=', name],
        ['company_id', '=', 1],
      ]);
    taxes = {
      sale21: await tax('21%'),
      sale0: await tax('0% EU'),
      sale6: await tax('6%'),
      purchase21: await tax('21% (purchase)'),
    };
    await odoo('res.partner', 'create', [
      {
        name: 'Office Supplies BV',
        is_company: true,
        supplier_rank: 1,
        company_id: 1,
        vat: 'BE0411905847',
      },
    ]);
    const account = (code: string) => idOf('account.account', [['code', '=', code]]);
    accounts = {
      sales: await account('700000'),
      services: await account('700100'),
      purchases: await account('600000'),
    };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function createMove(
    moveType: string,
    partner: string,
    lines: Line[],
    extra: Record<string, unknown> = {},
  ): Promise<number> {
    const journal = await idOf('account.journal', [
      ['type', '=', moveType.startsWith('out') ? 'sale' : 'purchase'],
      ['company_id', '=', 1],
    ]);
    return odoo<number>('account.move', 'create', [
      {
        [typeField]: moveType,
        partner_id: await idOf('res.partner', [['name', '=', partner]]),
        journal_id: journal,
        invoice_date: new Date().toISOString().slice(0, 10),
        invoice_line_ids: lines.map(([name, quantity, price_unit, taxIds, accountId]) => [
          0,
          0,
          {
            name,
            quantity,
            price_unit,
            tax_ids: [[6, 0, taxIds]],
            ...(accountId ? { account_id: accountId } : {}),
          },
        ]),
        ...extra,
      },
    ]);
  }

  /** The newest invoice.sync job of a move, once it is done or waits for the operator. */
  const settledJob = (moveId: number, accept = (j: SyncJob) => j.state === 'done') =>
    waitFor(
      `the invoice.sync job of account.move ${moveId}`,
      async () => {
        const [job] = await stack.gatewayClient.jobs({
          kind: 'invoice.sync',
          q: `account.move/${moveId}`,
        });
        return job && (accept(job) || (job.state === 'failed' && job.errorClass === 'mapping'))
          ? job
          : undefined;
      },
      30_000,
    );

  const post = (id: number) => odoo('account.move', 'action_post', [[id]]);

  it('lists the Odoo records with their status and the Exact records that fit, refuses a wrong type, and maps', async () => {
    const { body: journals } = await api<{ items: MappingItem[] }>(
      'GET',
      '/setup/mappings/journals',
    );
    const inv = journals.items.find((j) => j.odoo.code === 'INV')!;
    expect(inv).toMatchObject({ status: 'invalid', reason: 'no code', exactCode: null });
    expect(inv.candidates.map((c) => c.code)).toEqual(['70']);

    const wrong = await api<{ refused: { reason: string }[] }>('PUT', '/setup/mappings/journals', {
      mappings: [{ odooId: inv.odooId, exactCode: '60' }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.refused[0].reason).toContain('wrong type');

    const bill = journals.items.find((j) => j.odoo.code === 'BILL')!;
    const put = await api<{ items: MappingItem[]; changed: number }>(
      'PUT',
      '/setup/mappings/journals',
      {
        mappings: [
          { odooId: inv.odooId, exactCode: '70' },
          { odooId: bill.odooId, exactCode: '60' },
        ],
      },
    );
    expect(put.status).toBe(200);
    expect(put.body.changed).toBe(2);
    expect(
      put.body.items
        .filter((i) => i.status === 'valid')
        .map((i) => i.odoo.code)
        .sort(),
    ).toEqual(['BILL', 'INV']);

    // Taxes by percentage and use: 21% sales, 0% and 21% purchases are obvious; 6% has no Exact code.
    const auto = await api<{ items: MappingItem[]; changed: number }>(
      'POST',
      '/setup/mappings/taxes/auto',
    );
    const status = (id: number) => auto.body.items.find((i) => i.odooId === id)!;
    expect(status(taxes.sale21)).toMatchObject({ status: 'valid', exactCode: '1' });
    expect(status(taxes.sale0)).toMatchObject({ status: 'valid', exactCode: '0' });
    expect(status(taxes.purchase21)).toMatchObject({ status: 'valid', exactCode: '5' });
    expect(status(taxes.sale6)).toMatchObject({
      status: 'invalid',
      reason: 'no code',
      candidates: [],
    });

    const mapped = await api('PUT', '/setup/mappings/accounts', {
      mappings: [
        { odooId: accounts.sales, exactCode: '8000' },
        { odooId: accounts.purchases, exactCode: '7000' },
      ],
    });
    expect(mapped.status).toBe(200);
    const days30 = await idOf('account.payment.term', [['name', '=', '30 Days']]);
    expect(
      (
        await api('PUT', '/setup/mappings/payment-terms', {
          mappings: [{ odooId: days30, exactCode: '30' }],
        })
      ).status,
    ).toBe(200);

    const unknownList = await api<{ fields: string[] }>('PUT', '/setup/mappings/vat', {
      mappings: [{ odooId: 1, exactCode: '1' }],
    });
    expect(unknownList.status).toBe(400);
    expect(unknownList.body.fields).toEqual(['list']);
    const empty = await api<{ fields: string[] }>('PUT', '/setup/mappings/taxes', { mappings: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual(['mappings']);
  });

  it.each([
    ['out_invoice', 'Agrolait', 'salesentry/SalesEntries', 'salesentry/SalesEntryLines', 20, 10, 1],
    ['out_refund', 'Agrolait', 'salesentry/SalesEntries', 'salesentry/SalesEntryLines', 21, 10, -1],
    [
      'in_invoice',
      'Office Supplies BV',
      'purchaseentry/PurchaseEntries',
      'purchaseentry/PurchaseEntryLines',
      30,
      20,
      1,
    ],
    [
      'in_refund',
      'Office Supplies BV',
      'purchaseentry/PurchaseEntries',
      'purchaseentry/PurchaseEntryLines',
      31,
      20,
      -1,
    ],
  ])(
    'books a posted %s with the right type, amounts, VAT and PDF',
    async (moveType, partner, entrySet, lineSet, type, documentType, sign) => {
      const sale = moveType.startsWith('out');
      const tax = sale ? taxes.sale21 : taxes.purchase21;
      const account = sale ? accounts.sales : accounts.purchases;
      const id = await createMove(
        moveType,
        partner,
        [
          ['Office chairs', 4, 125.5, [tax], account],
          ['Installation', 3, 45, [sale ? taxes.sale0 : tax], account],
        ],
        { ref: sale ? 'PO-77' : `SUP-${moveType}-${version}` },
      );
      if (!sale) {
        const pdf = await odoo<number>('ir.attachment', 'create', [
          {
            name: `supplier-${moveType}.pdf`,
            res_model: 'account.move',
            res_id: id,
            mimetype: 'application/pdf',
            datas: Buffer.from('%PDF-1.4\n% supplier invoice\n%%EOF\n').toString('base64'),
          },
        ]);
        await odoo('account.move', 'write', [[id], { message_main_attachment_id: pdf }]);
      }
      await post(id);
      const job = await settledJob(id);
      expect(job).toMatchObject({ state: 'done', result: { action: 'created' } });
      expect(job.result?.warnings).toBeUndefined();

      const [move] = await odoo<Record<string, unknown>[]>('account.move', 'read', [[id]], {
        fields: ['name', 'amount_total', 'amount_tax', 'invoice_date_due'],
      });
      const entry = (await exactRecords(entrySet)).find(
        (e) => e.EntryID === job.result?.exactEntryId,
      )!;
      expect(entry).toMatchObject({
        Type: type,
        Journal: sale ? '70' : '60',
        YourRef: sale ? move.name : `SUP-${moveType}-${version}`,
        AmountFC: sign * Number(move.amount_total),
        VATAmountFC: sign * Number(move.amount_tax),
        Currency: 'EUR',
      });
      const lines = (await exactRecords(lineSet)).filter((l) => l.EntryID === entry.EntryID);
      expect(
        lines.map((l) => [l.Description, l.AmountFC, l.VATAmountFC, String(l.VATCode).trim()]),
      ).toEqual([
        ['Office chairs', sign * 502, sign * 105.42, sale ? '1' : '5'],
        ['Installation', sign * 135, sale ? 0 : sign * 28.35, sale ? '0' : '5'],
      ]);
      const document = (await exactRecords('documents/Documents')).find(
        (d) => d.ID === entry.Document,
      )!;
      expect(document).toMatchObject({ Type: documentType });
      const attachments = (await exactRecords('documents/DocumentAttachments')).filter(
        (a) => a.Document === document.ID,
      );
      expect(attachments).toHaveLength(1);
      expect(String(attachments[0].FileName)).toMatch(/\.pdf$/);
    },
  );

  it('waits on a missing mapping naming the Odoo record; once mapped, a retry books it', async () => {
    const id = await createMove('out_invoice', 'Deco Addict', [
      ['Consulting', 2, 300, [taxes.sale21], accounts.services],
    ]);
    await post(id);
    const failed = await settledJob(id);
    expect(failed).toMatchObject({ state: 'failed', errorClass: 'mapping', attempts: 0 });
    expect(failed.lastError).toContain(`account.account ${accounts.services}`);

    expect(
      (
        await api('PUT', '/setup/mappings/accounts', {
          mappings: [{ odooId: accounts.services, exactCode: '8100' }],
        })
      ).status,
    ).toBe(200);
    expect(
      (await stack.gatewayClient.request('POST', `/api/sync-jobs/${failed.id}/retry`)).status,
    ).toBe(200);
    const done = await waitFor('the retried job', async () => {
      const job = await stack.gatewayClient.job(failed.id);
      return job.state === 'done' ? job : undefined;
    });
    expect(done.result).toMatchObject({ action: 'created' });
  });

  it('books exactly one entry when Exact’s answer to the POST is lost', async () => {
    await stack.sandboxClient.addFault({
      system: 'exact',
      method: 'POST',
      path: 'salesentry/SalesEntries',
      dropResponse: true,
      times: 1,
    });
    const id = await createMove('out_invoice', 'Agrolait', [
      ['Lost answer', 1, 99, [taxes.sale21], accounts.sales],
    ]);
    await post(id);
    const job = await settledJob(id);
    expect(job.result).toMatchObject({ action: 'linked' });
    const [move] = await odoo<{ name: string }[]>('account.move', 'read', [[id]], {
      fields: ['name'],
    });
    const entries = (await exactRecords('salesentry/SalesEntries')).filter(
      (e) => e.YourRef === move.name,
    );
    expect(entries).toHaveLength(1);
    const detail = await stack.gatewayClient.job(job.id);
    expect(detail.attemptHistory.map((a) => a.outcome)).toEqual(['failed', 'succeeded']);
    await stack.sandboxClient.clearFaults();
  });

  it('updates the entry of a re-posted invoice: new lines first, old ones deleted, header by PUT', async () => {
    const id = await createMove('out_invoice', 'Agrolait', [
      ['Desk', 1, 200, [taxes.sale21], accounts.sales],
    ]);
    await post(id);
    const first = await settledJob(id);
    const entryId = first.result?.exactEntryId;
    await odoo('account.move', 'button_draft', [[id]]);
    const [line] = await odoo<{ invoice_line_ids: number[] }[]>('account.move', 'read', [[id]], {
      fields: ['invoice_line_ids'],
    });
    await odoo('account.move', 'write', [
      [id],
      { invoice_line_ids: [[1, line.invoice_line_ids[0], { quantity: 3 }]] },
    ]);
    await post(id);
    const second = await settledJob(id, (j) => j.state === 'done' && j.id !== first.id);
    expect(second.result).toMatchObject({ action: 'updated', exactEntryId: entryId });
    const entry = (await exactRecords('salesentry/SalesEntries')).find(
      (e) => e.EntryID === entryId,
    )!;
    expect(entry).toMatchObject({ AmountFC: 726, VATAmountFC: 126 });
    const lines = (await exactRecords('salesentry/SalesEntryLines')).filter(
      (l) => l.EntryID === entryId,
    );
    expect(lines.map((l) => [l.Quantity, l.AmountFC])).toEqual([[3, 600]]);
  });

  it('costs 3 Exact calls per invoice with its PDF in steady state', async () => {
    const id = await createMove('out_invoice', 'Agrolait', [
      ['Chair', 1, 50, [taxes.sale21], accounts.sales],
    ]);
    await stack.sandboxClient.clearCalls();
    await post(id);
    await settledJob(id);
    const calls = (await stack.sandboxClient.calls('exact')).calls.filter(
      (c) => !c.path.startsWith('oauth2'),
    );
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST documents/Documents',
      'POST documents/DocumentAttachments',
      'POST salesentry/SalesEntries',
    ]);
  });
});
