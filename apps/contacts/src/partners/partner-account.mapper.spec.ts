import { odooPartner } from './odoo-partner.fixture';
import {
  accountCodeFromRef,
  accountFingerprint,
  exactLanguage,
  isPartnerInScope,
  normaliseVat,
  partnerToAccount,
} from './partner-account.mapper';

const partner = odooPartner;

describe(partnerToAccount.name, () => {
  it('maps the address, contact details and VAT number', () => {
    expect(partnerToAccount(partner())).toEqual({
      Name: 'Agrolait',
      AddressLine1: 'Avenue des Dessus-de-Lives, 2',
      AddressLine2: null,
      Postcode: '5101',
      City: 'Namur',
      Country: 'BE',
      Email: 'info@agrolait.example',
      Phone: '+32 10 588 558',
      VATNumber: 'BE0477472701',
      Status: 'C',
      IsSupplier: false,
      Blocked: false,
    });
  });

  it.each([
    ['a customer', { customerRank: 3, supplierRank: 0 }, { Status: 'C', IsSupplier: false }],
    ['a supplier', { customerRank: 0, supplierRank: 2 }, { Status: '', IsSupplier: true }],
    ['both', { customerRank: 1, supplierRank: 1 }, { Status: 'C', IsSupplier: true }],
    ['an archived partner', { active: false }, { Blocked: true }],
    ['a name with spaces around it', { name: '  Deco Addict ' }, { Name: 'Deco Addict' }],
    [
      'the company registry (16+)',
      { companyRegistry: '0477472701' },
      { ChamberOfCommerce: '0477472701' },
    ],
    ['the language', { lang: 'nl_BE' }, { Language: 'NL' }],
  ])('maps %s', (_case, input, expected) => {
    expect(partnerToAccount(partner(input))).toEqual(expect.objectContaining(expected));
  });

  it('sends the mapped payment conditions, and leaves out what Odoo cannot tell', () => {
    const account = partnerToAccount(partner({ paymentTermId: 4, supplierPaymentTermId: 5 }), {
      sales: '30',
      purchase: null,
    });
    expect(account).toMatchObject({ PaymentConditionSales: '30' });
    for (const unknown of ['PaymentConditionPurchase', 'ChamberOfCommerce', 'Language', 'Code'])
      expect(account).not.toHaveProperty(unknown);
  });
});

describe(exactLanguage.name, () => {
  it.each([
    ['nl_BE', 'NL'],
    ['fr_FR', 'FR'],
    ['en_US', 'EN'],
    ['de', 'DE'],
    ['sr@latin', null],
    [null, null],
  ])('%s → %s', (lang, expected) => {
    expect(exactLanguage(lang)).toBe(expected);
  });
});

describe(accountCodeFromRef.name, () => {
  it.each([
    ['1042', '1042'],
    [' 77 ', '77'],
    ['C-1042', null],
    ['1234567890123456789', null],
    ['', null],
    [null, null],
  ])('%s → %s', (ref, expected) => {
    expect(accountCodeFromRef(ref)).toBe(expected);
  });
});

describe(isPartnerInScope.name, () => {
  it.each([
    [{ customerRank: 1, supplierRank: 0 }, ['customer', 'supplier'], true],
    [{ customerRank: 0, supplierRank: 1 }, ['customer', 'supplier'], true],
    [{ customerRank: 0, supplierRank: 0 }, ['customer', 'supplier'], false],
    [{ customerRank: 0, supplierRank: 3 }, ['customer'], false],
    [{ customerRank: 2, supplierRank: 0 }, ['supplier'], false],
  ] as const)('%j counted as %j → %s', (ranks, counted, expected) => {
    expect(isPartnerInScope(partner(ranks), counted)).toBe(expected);
  });
});

describe(normaliseVat.name, () => {
  it.each([
    ['BE 0477.472.701', 'BE0477472701'],
    ['nl-123456789-b01', 'NL123456789B01'],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseVat(input)).toBe(expected);
  });
});

describe(accountFingerprint.name, () => {
  it('is the same for the same content in any key order, and differs when a value changes', () => {
    const account = partnerToAccount(partner());
    const reordered = Object.fromEntries(Object.entries(account).reverse()) as typeof account;
    expect(accountFingerprint(reordered)).toBe(accountFingerprint(account));
    expect(accountFingerprint({ ...account, City: 'Liège' })).not.toBe(accountFingerprint(account));
  });
});
