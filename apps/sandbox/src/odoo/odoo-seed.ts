import type { OdooAccounting } from './odoo-accounting.service';
import { ACCOUNT_TYPES } from './odoo-models';
import type { OdooOrm } from './odoo-orm.service';
import { invoicePdf } from './odoo-pdf';

/**
 * Like a fresh demo database with accounting: a Belgian and a Dutch company, their charts of
 * accounts, journals, taxes and payment terms, customers and suppliers, and a few posted invoices
 * and a vendor bill (with the supplier's own PDF as its main attachment).
 */
export function seedOdoo(orm: OdooOrm, accounting: OdooAccounting): void {
  // Master data goes in as stored columns, whatever this version calls them over RPC.
  const insert = (model: string, values: Record<string, unknown>) =>
    orm.rawCreate(model, values).id;
  const country = (name: string, code: string) => insert('res.country', { name, code });
  const be = country('Belgium', 'BE');
  const nl = country('Netherlands', 'NL');
  for (const [name, code] of [
    ['France', 'FR'],
    ['Germany', 'DE'],
    ['Luxembourg', 'LU'],
    ['United Kingdom', 'GB'],
    ['United States', 'US'],
  ])
    country(name, code);
  const eur = insert('res.currency', { name: 'EUR', symbol: '€', rate: 1 });
  insert('res.currency', { name: 'USD', symbol: '$', rate: 1.08 });
  for (const [key, type] of Object.entries(ACCOUNT_TYPES))
    insert('account.account.type', {
      key,
      name: type.name,
      type: type.internalType,
      internal_group: type.internalGroup,
    });

  const inbound = insert('account.payment.method', {
    name: 'Manual',
    code: 'manual',
    payment_type: 'inbound',
  });
  const outbound = insert('account.payment.method', {
    name: 'Manual',
    code: 'manual',
    payment_type: 'outbound',
  });

  const company = (name: string, countryId: number, belgian: boolean) => {
    const id = insert('res.company', { name, country_id: countryId, currency_id: eur });
    const account = (code: string, accountName: string, type: string) =>
      insert('account.account', {
        code,
        name: accountName,
        account_type: type,
        company_id: id,
        reconcile: type === 'asset_receivable' || type === 'liability_payable',
      });
    account(belgian ? '400000' : '1300', belgian ? 'Customers' : 'Debiteuren', 'asset_receivable');
    account(
      belgian ? '440000' : '1600',
      belgian ? 'Suppliers' : 'Crediteuren',
      'liability_payable',
    );
    account(belgian ? '451000' : '1500', 'VAT payable', 'liability_current');
    account(belgian ? '411000' : '1520', 'VAT receivable', 'asset_current');
    const sales = account(
      belgian ? '700000' : '8000',
      belgian ? 'Sales in Belgium' : 'Omzet',
      'income',
    );
    account(
      belgian ? '700100' : '8100',
      belgian ? 'Sales of services' : 'Omzet diensten',
      'income',
    );
    const expenses = account(
      belgian ? '600000' : '7000',
      belgian ? 'Purchases' : 'Inkopen',
      'expense',
    );
    const bank = account(belgian ? '550000' : '1100', 'Bank', 'asset_cash');
    const journal = (values: Record<string, unknown>) =>
      insert('account.journal', { company_id: id, currency_id: false, ...values });
    journal({
      name: 'Customer Invoices',
      code: 'INV',
      type: 'sale',
      default_account_id: sales,
      invoice_reference_model: belgian ? 'be' : 'odoo',
      invoice_reference_type: 'invoice',
    });
    journal({ name: 'Vendor Bills', code: 'BILL', type: 'purchase', default_account_id: expenses });
    for (const [journalName, code, type] of [
      ['Bank', 'BNK1', 'bank'],
      ['Cash', 'CSH1', 'cash'],
    ]) {
      const journalId = journal({ name: journalName, code, type, default_account_id: bank });
      if (orm.version <= 14)
        orm.rawUpdate('account.journal', journalId, {
          inbound_payment_method_ids: [inbound],
          outbound_payment_method_ids: [outbound],
        });
      else {
        insert('account.payment.method.line', {
          name: 'Manual Payment',
          payment_method_id: inbound,
          journal_id: journalId,
        });
        insert('account.payment.method.line', {
          name: 'Manual Payment',
          payment_method_id: outbound,
          journal_id: journalId,
        });
      }
    }
    const tax = (name: string, amount: number, use: 'sale' | 'purchase') =>
      insert('account.tax', {
        name,
        amount,
        amount_type: 'percent',
        type_tax_use: use,
        company_id: id,
        description: `${amount}%`,
      });
    const taxes = belgian
      ? {
          high: tax('21%', 21, 'sale'),
          low: tax('6%', 6, 'sale'),
          zero: tax('0% EU', 0, 'sale'),
          purchase: tax('21% (purchase)', 21, 'purchase'),
        }
      : {
          high: tax('21%', 21, 'sale'),
          low: tax('9%', 9, 'sale'),
          zero: tax('0%', 0, 'sale'),
          purchase: tax('21% (inkoop)', 21, 'purchase'),
        };
    return { id, taxes };
  };
  const belgium = company('Sandbox Belgium SRL', be, true);
  const netherlands = company('Sandbox Nederland B.V.', nl, false);

  const term = (name: string, days: number) => {
    const id = insert('account.payment.term', { name });
    insert('account.payment.term.line', {
      payment_id: id,
      value: 'balance',
      value_amount: 0,
      nb_days: days,
    });
    return id;
  };
  term('Immediate Payment', 0);
  const days30 = term('30 Days', 30);
  term('15 Days', 15);

  const partner = (values: Record<string, unknown>) =>
    orm.create('res.partner', { is_company: true, ...values });
  partner({ name: 'Sandbox Belgium SRL', company_id: belgium.id, country_id: be });
  partner({ name: 'Sandbox Nederland B.V.', company_id: netherlands.id, country_id: nl });
  const agrolait = partner({
    name: 'Agrolait',
    street: 'Avenue des Dessus-de-Lives, 2',
    zip: '5101',
    city: 'Namur',
    country_id: be,
    vat: 'BE0477472701',
    email: 'info@agrolait.example',
    phone: '+32 10 588 558',
    customer_rank: 1,
    company_id: belgium.id,
    property_payment_term_id: days30,
  });
  orm.create('res.partner', {
    name: 'Thomas Passot',
    parent_id: agrolait,
    email: 'thomas.passot@agrolait.example',
    company_id: belgium.id,
  });
  const deco = partner({
    name: 'Deco Addict',
    street: 'Rue du Palais 77',
    zip: '1000',
    city: 'Brussels',
    country_id: be,
    vat: 'BE0123456749',
    email: 'deco.addict@example.com',
    customer_rank: 3,
    company_id: belgium.id,
  });
  const wood = partner({
    name: 'Wood Corner',
    street: 'Kerkstraat 12',
    zip: '3511 LX',
    city: 'Utrecht',
    country_id: nl,
    vat: 'NL123456782B01',
    email: 'wood.corner@example.com',
    supplier_rank: 2,
    company_id: netherlands.id,
  });
  partner({
    name: 'Azure Interior',
    street: 'Keizersgracht 1',
    zip: '1015 CJ',
    city: 'Amsterdam',
    country_id: nl,
    customer_rank: 1,
    supplier_rank: 1,
  });

  const journalOf = (companyId: number, type: string) =>
    orm.all('account.journal').find((j) => j.company_id === companyId && j.type === type)!.id;
  // 13 calls the document type `type`, 14+ `move_type`.
  const typeField = orm.version === 13 ? 'type' : 'move_type';
  const invoice = (
    moveType: string,
    values: Record<string, unknown>,
    lines: [string, number, number, number[]][],
  ) =>
    orm.create('account.move', {
      [typeField]: moveType,
      currency_id: eur,
      ...values,
      invoice_line_ids: lines.map(([name, quantity, price_unit, taxIds]) => [
        0,
        0,
        { name, quantity, price_unit, tax_ids: [[6, 0, taxIds]] },
      ]),
    });
  const sale = {
    company_id: belgium.id,
    journal_id: journalOf(belgium.id, 'sale'),
    invoice_payment_term_id: days30,
  };
  const first = invoice(
    'out_invoice',
    { ...sale, partner_id: agrolait, invoice_date: '2026-11-02' },
    [
      ['Office chairs', 4, 125.5, [belgium.taxes.high]],
      ['Installation service', 3, 45, [belgium.taxes.low]],
    ],
  );
  const refund = invoice('out_refund', { ...sale, partner_id: deco, invoice_date: '2026-11-05' }, [
    ['Returned desk lamp', 1, 39.99, [belgium.taxes.high]],
  ]);
  const bill = invoice(
    'in_invoice',
    {
      partner_id: wood,
      company_id: netherlands.id,
      journal_id: journalOf(netherlands.id, 'purchase'),
      invoice_date: '2026-11-03',
      ref: 'WC-2026-0117',
    },
    [['Oak planks', 10, 18.4, [netherlands.taxes.purchase]]],
  );
  const supplierPdf = insert('ir.attachment', {
    name: 'WC-2026-0117.pdf',
    res_model: 'account.move',
    res_id: bill,
    mimetype: 'application/pdf',
    datas: invoicePdf('Wood Corner — invoice WC-2026-0117', [
      '10 x Oak planks 18.40',
      'Total 222.64',
    ]).toString('base64'),
  });
  orm.write('account.move', [bill], { message_main_attachment_id: supplierPdf });
  for (const id of [first, refund, bill])
    accounting.call('account.move', 'action_post', [id], [], {}, {});
}
