import type { OdooPartner } from '@app/odoo-client';
import {
  accountFingerprint,
  isCommercialPartner,
  normaliseVat,
  partnerToAccount,
} from './partner-account.mapper';

const partner = (over: Partial<OdooPartner> = {}): OdooPartner => ({
  id: 7,
  name: 'Agrolait',
  isCompany: true,
  parentId: null,
  email: 'info@agrolait.example',
  phone: '+32 10 588 558',
  vat: 'BE 0477.472.701',
  ref: null,
  street: 'Avenue des Dessus-de-Lives, 2',
  street2: null,
  zip: '5101',
  city: 'Namur',
  countryCode: 'BE',
  active: true,
  customerRank: 1,
  supplierRank: 0,
  companyId: 1,
  writeDate: '2026-11-28 09:00:00',
  ...over,
});

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
  ])('maps %s', (_case, input, expected) => {
    expect(partnerToAccount(partner(input))).toEqual(expect.objectContaining(expected));
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

describe(isCommercialPartner.name, () => {
  it('is true for a company or a person on its own, false for a contact of a company', () => {
    expect(isCommercialPartner(partner())).toBe(true);
    expect(isCommercialPartner(partner({ isCompany: false }))).toBe(true);
    expect(isCommercialPartner(partner({ isCompany: false, parentId: 3 }))).toBe(false);
  });
});
