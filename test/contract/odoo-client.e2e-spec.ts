import {
  OdooClient,
  OdooError,
  OdooRpc,
  belgianStructuredCommunication,
  fetchInvoicePdf,
  fetchMainAttachment,
  findPaymentByMemo,
  isValidBelgianStructuredCommunication,
  listAccounts,
  listCurrencies,
  listJournals,
  listPaymentTerms,
  listTaxes,
  pollChangedRecords,
  readMove,
  readPartner,
  registerPayment,
} from '@app/odoo-client';
import { RunningSandbox, startSandbox } from '../support/sandbox';

const VERSIONS = [13, 14, 15, 16, 17];

/** The Odoo client against the Odoo simulator, once per supported version. */
describe.each(VERSIONS)('Odoo client ⇄ Odoo %i simulator', (version) => {
  let sandbox: RunningSandbox;
  const secret = version === 13 ? 'admin' : 'sandbox-odoo-api-key';
  const client = (companyId = 1, options: { secret?: string; timeoutMs?: number } = {}) =>
    new OdooClient(
      new OdooRpc({
        url: sandbox.url,
        db: 'demo',
        login: 'admin',
        secret: options.secret ?? secret,
        companyId,
        timeoutMs: options.timeoutMs ?? 5000,
      }),
      sandbox.url,
    );
  const odoo = () => client();
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OdooError);
    return error as OdooError;
  };
  const typeField = version === 13 ? 'type' : 'move_type';
  const newInvoice = async (
    c: OdooClient,
    lines: [string, number, number, number[]][],
    extra: Record<string, unknown> = {},
  ) => {
    const [journal] = await c.rpc.executeKw<number[]>('account.journal', 'search', [
      [
        ['type', '=', 'sale'],
        ['company_id', '=', 1],
      ],
    ]);
    const [partner] = await c.rpc.executeKw<number[]>('res.partner', 'search', [
      [['name', '=', 'Agrolait']],
    ]);
    return c.rpc.executeKw<number>('account.move', 'create', [
      {
        [typeField]: 'out_invoice',
        partner_id: partner,
        journal_id: journal,
        invoice_date: '2026-11-20',
        invoice_line_ids: lines.map(([name, quantity, price_unit, tax_ids]) => [
          0,
          0,
          { name, quantity, price_unit, tax_ids: [[6, 0, tax_ids]] },
        ]),
        ...extra,
      },
    ]);
  };
  const tax21 = async (c: OdooClient) =>
    (await listTaxes(c, 1)).find((t) => t.amount === 21 && t.typeTaxUse === 'sale')!.id;
  const bankJournal = async (c: OdooClient, companyId = 1) =>
    (await listJournals(c, companyId)).find((j) => j.type === 'bank')!.id;
  const postedInvoice = async (c: OdooClient, name: string) => {
    const [id] = await c.rpc.executeKw<number[]>('account.move', 'search', [
      [
        [typeField, '=', 'out_invoice'],
        ['state', '=', 'posted'],
        ['invoice_line_ids.name', '=', name],
      ],
    ]);
    return id;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ SANDBOX_ODOO_VERSION: String(version) });
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('detects the version and signs in with a password, or an API key from 14', async () => {
    expect((await odoo().adapter()).major).toBe(version);
    await expect(client(1, { secret: 'admin' }).rpc.authenticate()).resolves.toBe(2);
    const apiKey = client(1, { secret: 'sandbox-odoo-api-key' }).rpc.authenticate();
    if (version === 13) expect((await failure(apiKey)).retryable).toBe(false);
    else await expect(apiKey).resolves.toBe(2);
    const wrong = await failure(client(1, { secret: 'wrong' }).rpc.authenticate());
    expect(wrong).toMatchObject({ retryable: false, odooName: 'odoo.exceptions.AccessDenied' });
  });

  it('reads a partner with its country code, within the connection’s company', async () => {
    const [agrolait] = await odoo().rpc.executeKw<number[]>('res.partner', 'search', [
      [['name', '=', 'Agrolait']],
    ]);
    expect(await readPartner(odoo(), agrolait)).toMatchObject({
      name: 'Agrolait',
      commercialPartnerId: agrolait,
      countryCode: 'BE',
      vat: 'BE0477472701',
      companyId: 1,
      customerRank: 1,
      paymentTermId: expect.any(Number),
    });
    // The registry is a partner field from 16 on; before, it is not asked for (Odoo would refuse it).
    await odoo().rpc.executeKw('res.partner', 'write', [
      [agrolait],
      version >= 16 ? { company_registry: '0477472701' } : { ref: '42' },
    ]);
    expect((await readPartner(odoo(), agrolait))?.companyRegistry).toBe(
      version >= 16 ? '0477472701' : null,
    );
    const [person] = await odoo().rpc.executeKw<number[]>('res.partner', 'search', [
      [['name', '=', 'Thomas Passot']],
    ]);
    expect(await readPartner(odoo(), person)).toMatchObject({
      parentId: agrolait,
      commercialPartnerId: agrolait,
      type: 'contact',
    });
    const [wood] = await client(2).rpc.executeKw<number[]>('res.partner', 'search', [
      [['name', '=', 'Wood Corner']],
    ]);
    expect(await readPartner(client(2), wood)).toMatchObject({
      countryCode: 'NL',
      supplierRank: 2,
    });
    expect(await readPartner(odoo(), wood)).toBeNull();
    const unknownCompany = await failure(readPartner(client(99), agrolait));
    expect(unknownCompany).toMatchObject({
      retryable: false,
      odooName: 'odoo.exceptions.AccessError',
    });
  });

  it('reads an invoice in version-free names, with its product lines only', async () => {
    const c = odoo();
    const id = await postedInvoice(c, 'Office chairs');
    const move = await readMove(c, id);
    expect(move).toMatchObject({
      moveType: 'out_invoice',
      state: 'posted',
      amountUntaxed: 637,
      amountTax: 113.52,
      amountTotal: 750.52,
      amountResidual: 750.52,
      amountTotalSigned: 750.52,
      paymentState: 'not_paid',
      currency: 'EUR',
      companyCurrency: 'EUR',
    });
    expect(move!.lines.map((l) => [l.name, l.quantity, l.priceUnit, l.priceSubtotal])).toEqual([
      ['Office chairs', 4, 125.5, 502],
      ['Installation service', 3, 45, 135],
    ]);
    expect(isValidBelgianStructuredCommunication(move!.paymentReference!)).toBe(true);
    expect(move!.paymentReference).toBe(belgianStructuredCommunication(id));

    const sectioned = await c.rpc.executeKw<number>('account.move', 'create', [
      {
        [typeField]: 'out_invoice',
        partner_id: move!.partnerId,
        journal_id: move!.journalId,
        invoice_line_ids: [
          [0, 0, { name: 'Furniture', display_type: 'line_section' }],
          [
            0,
            0,
            {
              name: 'Desk',
              quantity: 1,
              price_unit: 200,
              discount: 10,
              tax_ids: [[6, 0, [await tax21(c)]]],
            },
          ],
          [0, 0, { name: 'Delivered on Monday', display_type: 'line_note' }],
        ],
      },
    ]);
    const draft = await readMove(c, sectioned);
    expect(draft!.lines).toEqual([
      expect.objectContaining({
        name: 'Desk',
        priceSubtotal: 180,
        priceTotal: 217.8,
        discount: 10,
      }),
    ]);
    expect(draft!.state).toBe('draft');
    await c.rpc.executeKw('account.move', 'action_post', [[sectioned]]);
    expect((await readMove(c, sectioned))!.name).toMatch(
      version === 13 ? /^INV\/2026\/\d{4}$/ : /^INV\/2026\/\d{5}$/,
    );
  });

  it('lists journals, accounts with their type, taxes, payment terms and currencies', async () => {
    const c = odoo();
    expect((await listJournals(c, 1)).map((j) => [j.code, j.type])).toEqual(
      expect.arrayContaining([
        ['INV', 'sale'],
        ['BILL', 'purchase'],
        ['BNK1', 'bank'],
      ]),
    );
    const accounts = await listAccounts(c, 1);
    expect(accounts.find((a) => a.code === '400000')?.accountType).toBe('asset_receivable');
    expect(accounts.find((a) => a.code === '700000')?.accountType).toBe('income');
    expect(accounts.find((a) => a.code === '550000')?.accountType).toBe('asset_cash');
    expect(accounts.every((a) => !a.code.startsWith('8'))).toBe(true); // the Dutch company's accounts stay out
    expect((await listTaxes(c, 1)).map((t) => [t.name, t.amount, t.typeTaxUse])).toEqual(
      expect.arrayContaining([
        ['21%', 21, 'sale'],
        ['6%', 6, 'sale'],
      ]),
    );
    expect((await listPaymentTerms(c)).map((t) => t.name)).toEqual(
      expect.arrayContaining(['30 Days', 'Immediate Payment']),
    );
    expect((await listCurrencies(c)).map((x) => x.name)).toEqual(
      expect.arrayContaining(['EUR', 'USD']),
    );
  });

  it('maps Odoo’s errors to permanent or retryable, keeping Odoo’s message', async () => {
    const c = odoo();
    const invalidField = await failure(
      c.rpc.executeKw('res.partner', 'read', [[1]], { fields: ['no_such_field'] }),
    );
    expect(invalidField).toMatchObject({ retryable: false, odooName: 'builtins.ValueError' });
    expect(invalidField.message).toContain("Invalid field 'no_such_field' on model 'res.partner'");
    // The field of the other versions is refused the same way.
    const otherName = version === 13 ? 'move_type' : 'type';
    expect(
      (await failure(c.rpc.executeKw('account.move', 'search_read', [[]], { fields: [otherName] })))
        .message,
    ).toContain(`Invalid field '${otherName}'`);
    expect(
      await failure(c.rpc.executeKw('res.partner', '_compute_display_name', [[1]])),
    ).toMatchObject({ odooName: 'odoo.exceptions.AccessError', retryable: false });
    expect(
      await failure(c.rpc.executeKw('res.partner', 'read', [[999999]], { fields: ['name'] })),
    ).toMatchObject({ odooName: 'odoo.exceptions.MissingError' });
    await sandbox.control.addFault({
      system: 'odoo',
      operation: 'res.partner.read',
      status: 502,
      times: 1,
    });
    expect(
      (await failure(c.rpc.executeKw('res.partner', 'read', [[1]], { fields: ['name'] })))
        .retryable,
    ).toBe(true);
    await sandbox.control.addFault({
      system: 'odoo',
      operation: 'res.partner.read',
      dropResponse: true,
      times: 1,
    });
    expect(
      (await failure(c.rpc.executeKw('res.partner', 'read', [[1]], { fields: ['name'] })))
        .retryable,
    ).toBe(true);
  });

  it('registers a full payment once, however often it is asked', async () => {
    const c = odoo();
    const id = await postedInvoice(c, 'Office chairs');
    const request = {
      invoiceId: id,
      amount: 750.52,
      date: '2026-12-01',
      journalId: await bankJournal(c),
      memo: 'EXACT term 11111111 750.52',
    };
    const first = await registerPayment(c, request);
    expect(first.created).toBe(true);
    expect(await readMove(c, id)).toMatchObject({ amountResidual: 0, paymentState: 'paid' });
    expect(await registerPayment(c, request)).toEqual({
      paymentId: first.paymentId,
      created: false,
    });
    expect(await findPaymentByMemo(c, request.memo)).toBe(first.paymentId);
    const memoField = (await c.adapter()).paymentMemoField;
    expect(
      await c.rpc.executeKw('account.payment', 'search_count', [[[memoField, '=', request.memo]]]),
    ).toBe(1);
    await expect(registerPayment(c, { ...request, memo: 'another memo' })).rejects.toThrow(
      /nothing left to pay/,
    );
  });

  it('registers a partial payment, then the rest', async () => {
    const c = odoo();
    const id = await newInvoice(c, [['Consulting', 1, 100, [await tax21(c)]]]);
    await c.rpc.executeKw('account.move', 'action_post', [[id]]);
    const journalId = await bankJournal(c);
    await registerPayment(c, {
      invoiceId: id,
      amount: 50,
      date: '2026-12-02',
      journalId,
      memo: 'EXACT term A 50.00',
    });
    // 13 has no 'partial' state: a partly paid invoice still reads not_paid there.
    expect(await readMove(c, id)).toMatchObject({
      amountResidual: 71,
      paymentState: version === 13 ? 'not_paid' : 'partial',
    });
    await registerPayment(c, {
      invoiceId: id,
      amount: 71,
      date: '2026-12-03',
      journalId,
      memo: 'EXACT term B 71.00',
    });
    expect(await readMove(c, id)).toMatchObject({ amountResidual: 0, paymentState: 'paid' });
  });

  it('pays a vendor bill outbound in its own company', async () => {
    const c = client(2);
    const [bill] = await c.rpc.executeKw<number[]>('account.move', 'search', [
      [[typeField, '=', 'in_invoice']],
    ]);
    const before = await readMove(c, bill);
    expect(before).toMatchObject({
      moveType: 'in_invoice',
      ref: 'WC-2026-0117',
      amountTotal: 222.64,
    });
    const { paymentId } = await registerPayment(c, {
      invoiceId: bill,
      amount: 222.64,
      date: '2026-12-04',
      journalId: await bankJournal(c, 2),
      memo: 'EXACT payable 222.64',
    });
    const [payment] = await c.rpc.executeKw<{ payment_type: string; partner_type: string }[]>(
      'account.payment',
      'read',
      [[paymentId]],
      { fields: ['payment_type', 'partner_type'] },
    );
    expect(payment).toEqual(
      expect.objectContaining({ payment_type: 'outbound', partner_type: 'supplier' }),
    );
    expect((await readMove(c, bill))!.paymentState).toBe('paid');
  });

  it('gets the invoice PDF the way this version keeps it, and a bill’s own PDF', async () => {
    const c = odoo();
    const id = await postedInvoice(c, 'Installation service');
    const move = (await readMove(c, id))!;
    const pdf = await fetchInvoicePdf(c, id, move.name);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.source).toBe(version >= 17 ? 'invoice_pdf_report_file' : 'attachment');
    expect(pdf.fileName).toBe(`${move.name.replace(/\//g, '_')}.pdf`);
    if (version < 17) {
      const attachments = await c.rpc.executeKw<number[]>('ir.attachment', 'search', [
        [
          ['res_model', '=', 'account.move'],
          ['res_id', '=', id],
        ],
      ]);
      await c.rpc.executeKw('ir.attachment', 'unlink', [attachments]);
      const fromPortal = await fetchInvoicePdf(c, id, move.name);
      expect(fromPortal.source).toBe('portal');
      expect(fromPortal.content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const nl = client(2);
    const [bill] = await nl.rpc.executeKw<number[]>('account.move', 'search', [
      [[typeField, '=', 'in_invoice']],
    ]);
    expect(await fetchMainAttachment(nl, bill)).toMatchObject({
      fileName: 'WC-2026-0117.pdf',
      source: 'attachment',
    });
  });

  it('polls changed partners in (write_date, id) order with a keyset, an overlap and a cursor', async () => {
    const c = odoo();
    const all = await pollChangedRecords<{ id: number; write_date: string; name: string }>(
      c.rpc,
      'res.partner',
      ['name'],
      null,
      { pageSize: 2 },
    );
    expect(all.records.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.records.map((r) => r.id)).size).toBe(all.records.length);
    const order = all.records.map((r) => `${r.write_date}#${String(r.id).padStart(6, '0')}`);
    expect([...order].sort()).toEqual(order);

    await sandbox.control.advanceClock(3_600_000);
    const ids = all.records.slice(0, 3).map((r) => r.id);
    for (const id of ids)
      await c.rpc.executeKw('res.partner', 'write', [[id], { email: `changed-${id}@example.com` }]);
    const changed = await pollChangedRecords<{ id: number; write_date: string }>(
      c.rpc,
      'res.partner',
      ['name'],
      all.cursor,
      { pageSize: 2, overlapSeconds: 0 },
    );
    expect(changed.records.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(changed.cursor!.writeDate > all.cursor!.writeDate).toBe(true);
    // The overlap reads the recent past again: a late-committing transaction is not missed.
    const overlapping = await pollChangedRecords(c.rpc, 'res.partner', ['name'], changed.cursor, {
      overlapSeconds: 60,
    });
    expect(overlapping.records.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(overlapping.cursor).toEqual(changed.cursor);
  });
});
