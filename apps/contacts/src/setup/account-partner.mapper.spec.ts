import type { ExactAccount } from '@app/exact-client';
import { odooPartner } from '../partners/odoo-partner.fixture';
import { accountToPartnerValues } from './account-partner.mapper';

const account: ExactAccount = {
  ID: 'acc',
  Code: '              1042',
  Name: 'Agrolait',
  AddressLine1: 'Avenue des Dessus-de-Lives, 2',
  AddressLine2: null,
  Postcode: '5101',
  City: 'Namur',
  Country: 'BE ',
  Email: 'info@agrolait.example',
  Phone: '+32 10 588 558',
  VATNumber: 'BE0477472701',
  ChamberOfCommerce: '0477472701',
  Status: 'C',
  IsSupplier: true,
  Blocked: false,
  Language: 'NL        ',
  PaymentConditionSales: null,
  PaymentConditionPurchase: null,
};
const context = {
  countryIds: new Map([
    ['BE', 21],
    ['NL', 166],
  ]),
  registryField: 'company_registry',
};

describe(accountToPartnerValues.name, () => {
  it('gives a new partner every value, the code as ref and the ranks the account has', () => {
    expect(accountToPartnerValues(account, null, context)).toEqual({
      name: 'Agrolait',
      street: 'Avenue des Dessus-de-Lives, 2',
      street2: false,
      zip: '5101',
      city: 'Namur',
      country_id: 21,
      email: 'info@agrolait.example',
      phone: '+32 10 588 558',
      vat: 'BE0477472701',
      company_registry: '0477472701',
      is_company: true,
      ref: '1042',
      customer_rank: 1,
      supplier_rank: 1,
    });
  });

  it.each([
    ['nothing when the partner already says the same (VAT formatted differently)', {}, {}, {}],
    ['the city that differs', { city: 'Liège' }, {}, { city: 'Namur' }],
    ['the country that differs', { countryCode: 'NL' }, {}, { country_id: 21 }],
    ['the ref only when the partner has none', { ref: 'AGR' }, {}, {}],
    [
      'a rank raised, never lowered',
      { customerRank: 0, supplierRank: 4 },
      {},
      { customer_rank: 1 },
    ],
    ['an e-mail emptied in Exact', {}, { Email: null }, { email: false }],
  ])('writes %s', (_case, partnerOver, accountOver, expected) => {
    const current = odooPartner({
      vat: 'BE 0477.472.701',
      ref: '1042',
      supplierRank: 1,
      companyRegistry: '0477472701',
      ...partnerOver,
    });
    expect(accountToPartnerValues({ ...account, ...accountOver }, current, context)).toEqual(
      expected,
    );
  });

  it('leaves the registry alone before Odoo 16', () => {
    expect(
      accountToPartnerValues(account, null, { ...context, registryField: null }),
    ).not.toHaveProperty('company_registry');
  });
});
