import type { OdooInvoiceLine, OdooMove } from '@app/odoo-client';
import { EntryContext, entryKindOf, moveToEntry, totalsWarnings } from './move-entry.mapper';

const line = (over: Partial<OdooInvoiceLine> = {}): OdooInvoiceLine => ({
  id: 1,
  name: 'Office chairs',
  quantity: 4,
  priceUnit: 125.5,
  discount: 0,
  priceSubtotal: 502,
  priceTotal: 607.42,
  taxIds: [21],
  accountId: 700,
  ...over,
});

const move = (over: Partial<OdooMove> = {}): OdooMove => ({
  id: 42,
  name: 'INV/2026/00007',
  moveType: 'out_invoice',
  state: 'posted',
  partnerId: 7,
  commercialPartnerId: 7,
  journalId: 1,
  companyId: 1,
  currency: 'EUR',
  companyCurrency: 'EUR',
  invoiceDate: '2026-11-20',
  invoiceDateDue: '2026-12-20',
  ref: null,
  paymentReference: '+++000/0000/04242+++',
  paymentState: 'not_paid',
  paymentTermId: 3,
  amountUntaxed: 637,
  amountTax: 133.77,
  amountTotal: 770.77,
  amountResidual: 770.77,
  amountTotalSigned: 770.77,
  mainAttachmentId: null,
  writeDate: '2026-11-20 10:00:00',
  lines: [
    line(),
    line({
      id: 2,
      name: 'Installation\nOn site',
      quantity: 3,
      priceUnit: 45,
      priceSubtotal: 135,
      priceTotal: 163.35,
    }),
  ],
  ...over,
});

const context: EntryContext = {
  journalCode: '70',
  partyAccountId: 'cust-guid',
  glAccounts: new Map([
    [700, 'gl-8000'],
    [600, 'gl-4000'],
  ]),
  vatCodes: new Map([
    [21, '3'],
    [6, '1'],
    [121, '13'],
  ]),
  paymentCondition: '30',
  creditNoteSign: 'negative',
  vatCodeWithoutTax: '0',
};

const map = (m: OdooMove, c: Partial<EntryContext> = {}) =>
  moveToEntry(m, entryKindOf(m.moveType)!, { ...context, ...c });

describe(entryKindOf.name, () => {
  it.each([
    ['out_invoice', { set: 'sales', type: 20, creditNote: false }],
    ['out_refund', { set: 'sales', type: 21, creditNote: true }],
    ['in_invoice', { set: 'purchase', type: 30, creditNote: false }],
    ['in_refund', { set: 'purchase', type: 31, creditNote: true }],
    ['out_receipt', null],
    ['entry', null],
  ] as const)('%s → %j', (type, expected) => {
    expect(entryKindOf(type)).toEqual(expected);
  });
});

describe(moveToEntry.name, () => {
  it('books a sales invoice: header from the move, a line per product line with Odoo’s VAT', () => {
    expect(map(move())).toEqual({
      ok: true,
      expected: { amountFC: 770.77, vatAmountFC: 133.77 },
      entry: {
        Journal: '70',
        Customer: 'cust-guid',
        EntryDate: '2026-11-20T00:00:00',
        DueDate: '2026-12-20T00:00:00',
        YourRef: 'INV/2026/00007',
        Description: 'INV/2026/00007',
        PaymentReference: '+++000/0000/04242+++',
        Currency: 'EUR',
        PaymentCondition: '30',
        Type: 20,
        SalesEntryLines: [
          {
            GLAccount: 'gl-8000',
            AmountFC: 502,
            VATAmountFC: 105.42,
            VATCode: '3',
            Description: 'Office chairs',
            Quantity: 4,
          },
          {
            GLAccount: 'gl-8000',
            AmountFC: 135,
            VATAmountFC: 28.35,
            VATCode: '3',
            Description: 'Installation',
            Quantity: 3,
          },
        ],
      },
    });
  });

  it.each([
    [
      'a credit note, negative by default',
      'out_refund',
      'negative',
      21,
      -502,
      -105.42,
      'SalesEntryLines',
    ],
    [
      'a credit note, positive when the connection says so',
      'out_refund',
      'positive',
      21,
      502,
      105.42,
      'SalesEntryLines',
    ],
    ['a vendor bill', 'in_invoice', 'negative', 30, 502, 105.42, 'PurchaseEntryLines'],
    ['a vendor refund', 'in_refund', 'negative', 31, -502, -105.42, 'PurchaseEntryLines'],
  ] as const)('books %s', (_case, moveType, creditNoteSign, type, amount, vat, lines) => {
    const result = map(move({ moveType, ref: 'SUP-991' }), { creditNoteSign });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const entry = result.entry as unknown as Record<string, unknown>;
    expect(entry.Type).toBe(type);
    expect((entry[lines] as { AmountFC: number }[])[0]).toMatchObject({
      AmountFC: amount,
      VATAmountFC: vat,
    });
    expect(entry).toHaveProperty(lines.startsWith('Sales') ? 'Customer' : 'Supplier', 'cust-guid');
  });

  it('uses the vendor’s reference as YourRef for a bill, and the customer’s reference as description of a sale', () => {
    const bill = map(move({ moveType: 'in_invoice', ref: 'SUP-991' }));
    expect(bill.ok && bill.entry).toMatchObject({
      YourRef: 'SUP-991',
      Description: 'INV/2026/00007',
    });
    const sale = map(move({ ref: 'PO 4471' }));
    expect(sale.ok && sale.entry).toMatchObject({
      YourRef: 'INV/2026/00007',
      Description: 'PO 4471',
    });
  });

  it('puts the cent of Odoo’s global rounding on the largest line', () => {
    const result = map(
      move({
        amountTax: 2.54,
        lines: [
          line({ priceSubtotal: 4.02, priceTotal: 4.86, taxIds: [21] }),
          line({ id: 2, priceSubtotal: 8.03, priceTotal: 9.72, taxIds: [21] }),
        ],
      }),
    );
    expect(result.ok && result.entry.Type).toBe(20);
    const lines = result.ok
      ? (result.entry as { SalesEntryLines: { VATAmountFC?: number }[] }).SalesEntryLines
      : [];
    expect(lines.map((l) => l.VATAmountFC)).toEqual([0.84, 1.7]);
  });

  it('sends the rate of a foreign-currency invoice', () => {
    const result = map(move({ currency: 'USD', amountTotal: 108, amountTotalSigned: 100 }));
    expect(result.ok && result.entry).toMatchObject({ Currency: 'USD', Rate: 0.925926 });
  });

  it('gives a line without tax the connection’s VAT code for it', () => {
    const result = map(move({ lines: [line({ taxIds: [], priceTotal: 502 })], amountTax: 0 }));
    expect(
      result.ok && (result.entry as { SalesEntryLines: unknown[] }).SalesEntryLines[0],
    ).toMatchObject({
      VATCode: '0',
      VATAmountFC: 0,
    });
  });

  it('names every Odoo record whose mapping is missing, and a line with two taxes', () => {
    const result = map(
      move({
        lines: [
          line({ accountId: 999 }),
          line({ id: 2, taxIds: [77] }),
          line({ id: 3, name: 'Eco tax', taxIds: [21, 6] }),
        ],
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        "account.account 999 (line 'Office chairs') has no Exact G/L account mapped",
        "account.tax 77 (line 'Office chairs') has no Exact VAT code mapped",
        "line 'Eco tax' has 2 taxes (account.tax 21, 6); an Exact line takes one VAT code",
      ],
    });
  });
});

describe(totalsWarnings.name, () => {
  const expected = { amountFC: -770.77, vatAmountFC: -133.77 };
  it.each([
    ['the same totals', { AmountFC: -770.77, VATAmountFC: -133.77 }, []],
    [
      'a float that rounds to the same cent',
      { AmountFC: -770.7700000001, VATAmountFC: -133.77 },
      [],
    ],
    [
      'a total a cent off',
      { AmountFC: -770.78, VATAmountFC: -133.77 },
      ['total differs: Exact -770.78, Odoo -770.77'],
    ],
    [
      'both off',
      { AmountFC: 770.77, VATAmountFC: 133.77 },
      ['total differs: Exact 770.77, Odoo -770.77', 'VAT differs: Exact 133.77, Odoo -133.77'],
    ],
  ])('%s', (_case, booked, warnings) => {
    expect(totalsWarnings(booked, expected)).toEqual(warnings);
  });
});
