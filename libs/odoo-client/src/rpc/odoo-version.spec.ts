import { OdooVersionAdapter, majorVersion } from './odoo-version';

describe(majorVersion.name, () => {
  it.each([
    ['13.0', 13],
    ['14.0+e', 14],
    ['saas~17.2', 17],
    ['17.0', 17],
  ])('%s → %i', (serie, major) => {
    expect(majorVersion(serie)).toBe(major);
  });
});

describe(OdooVersionAdapter.name, () => {
  it.each([
    // major, move type, payment ref, payment state, method field, memo field, date field, wizard, PDF field, type fields
    [
      13,
      'type',
      'invoice_payment_ref',
      'invoice_payment_state',
      'payment_method_id',
      'communication',
      'payment_date',
      'create_payments',
      false,
      ['user_type_id', 'internal_type', 'internal_group'],
    ],
    [
      14,
      'move_type',
      'payment_reference',
      'payment_state',
      'payment_method_id',
      'ref',
      'date',
      'action_create_payments',
      false,
      ['user_type_id', 'internal_type', 'internal_group'],
    ],
    [
      15,
      'move_type',
      'payment_reference',
      'payment_state',
      'payment_method_line_id',
      'ref',
      'date',
      'action_create_payments',
      false,
      ['user_type_id', 'internal_type', 'internal_group'],
    ],
    [
      16,
      'move_type',
      'payment_reference',
      'payment_state',
      'payment_method_line_id',
      'ref',
      'date',
      'action_create_payments',
      false,
      ['account_type'],
    ],
    [
      17,
      'move_type',
      'payment_reference',
      'payment_state',
      'payment_method_line_id',
      'ref',
      'date',
      'action_create_payments',
      true,
      ['account_type'],
    ],
    [
      18,
      'move_type',
      'payment_reference',
      'payment_state',
      'payment_method_line_id',
      'memo',
      'date',
      'action_create_payments',
      true,
      ['account_type'],
    ],
  ])(
    'Odoo %i',
    (major, moveType, reference, state, method, memo, date, wizard, pdfField, typeFields) => {
      const adapter = new OdooVersionAdapter(major as number);
      expect({
        moveType: adapter.moveTypeField,
        reference: adapter.paymentReferenceField,
        state: adapter.paymentStateField,
        method: adapter.paymentMethodField,
        memo: adapter.paymentMemoField,
        date: adapter.paymentDateField,
        wizard: adapter.wizardMethod,
        pdfField: adapter.hasInvoicePdfField,
        typeFields: adapter.accountTypeFields,
      }).toEqual({ moveType, reference, state, method, memo, date, wizard, pdfField, typeFields });
    },
  );

  it.each([
    [13, false, true],
    [13, 'line_section', false],
    [15, false, true],
    [15, 'line_note', false],
    [16, 'product', true],
    [16, false, false],
    [17, 'tax', false],
  ])(
    'Odoo %i: a line with display_type %s is a product line: %s',
    (major, displayType, product) => {
      expect(
        new OdooVersionAdapter(major as number).isProductLine(displayType as string | false),
      ).toBe(product);
    },
  );

  it('filters accounts by company_id up to 17 and by company_ids from 18', () => {
    expect(new OdooVersionAdapter(17).accountCompanyDomain(3)).toEqual([['company_id', '=', 3]]);
    expect(new OdooVersionAdapter(18).accountCompanyDomain(3)).toEqual([
      ['company_ids', 'in', [3]],
    ]);
  });

  it('refuses versions before 13', () => {
    expect(() => new OdooVersionAdapter(12)).toThrow(/not supported/);
  });
});
