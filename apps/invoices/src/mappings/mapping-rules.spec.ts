import type { ExactGLAccount, ExactJournal, ExactVATCode } from '@app/exact-client';
import {
  ACCOUNT_RULE,
  BANK_JOURNAL_RULE,
  JOURNAL_RULE,
  OdooRecordToMap,
  TAX_RULE,
  candidatesFor,
  mappingStatus,
} from './mapping-rules';

const journal = (Code: string, Type: number, IsBlocked = false): ExactJournal => ({
  ID: `j-${Code}`,
  Code,
  Description: `Journal ${Code}`,
  Type,
  Currency: null,
  IsBlocked,
});
const gl = (Code: string, Type: number): ExactGLAccount => ({
  ID: `gl-${Code}`,
  Code,
  Description: `GL ${Code}`,
  Type,
  BalanceType: 'W',
  VATCode: null,
  IsBlocked: false,
});
const vat = (Code: string, Percentage: number, VATTransactionType: string): ExactVATCode => ({
  ID: `v-${Code}`,
  Code,
  Description: `VAT ${Code}`,
  Percentage,
  VATTransactionType,
  Type: null,
  IsBlocked: false,
});

const journals = [journal('70', 20), journal('60', 22), journal('20', 12), journal('71', 20, true)];
const sales: OdooRecordToMap = { id: 1, code: 'INV', name: 'Customer Invoices', type: 'sale' };
const purchases: OdooRecordToMap = { id: 2, code: '60', name: 'Vendor Bills', type: 'purchase' };

describe('journal mappings', () => {
  it.each([
    [sales, '70', 'valid', null],
    [
      sales,
      '60',
      'invalid',
      'wrong type: Exact journal 60 is of type 22; a sale journal needs type 20 (sales)',
    ],
    [purchases, '60', 'valid', null],
    [sales, '71', 'invalid', 'journal 71 is blocked in Exact'],
    [sales, '99', 'invalid', 'not in Exact: no code 99'],
    [sales, null, 'invalid', 'no code'],
  ] as const)('%j → %s: %s', (odoo, code, status, reason) => {
    expect(mappingStatus(JOURNAL_RULE, odoo, code, journals)).toMatchObject({ status, reason });
  });

  it('suggests journals of the right type and auto-matches the same code', () => {
    expect(candidatesFor(JOURNAL_RULE, sales, journals).map((c) => c.code)).toEqual(['70']);
    expect(JOURNAL_RULE.obvious(purchases, [journal('60', 22)])?.Code).toBe('60');
    expect(JOURNAL_RULE.obvious(sales, [journal('70', 20)])).toBeNull();
  });
});

describe('account mappings', () => {
  const income: OdooRecordToMap = { id: 7, code: '8000', name: 'Sales', type: 'income' };
  it.each([
    ['8000', 'valid', null],
    [
      '1400',
      'invalid',
      'wrong type: Exact G/L account 1400 is a receivable account, which an invoice line cannot use',
    ],
    [
      '1500',
      'invalid',
      'wrong type: Exact G/L account 1500 is a VAT account, which an invoice line cannot use',
    ],
  ] as const)('%s → %s', (code, status, reason) => {
    const accounts = [gl('8000', 110), gl('1400', 20), gl('1500', 24)];
    expect(mappingStatus(ACCOUNT_RULE, income, code, accounts)).toMatchObject({ status, reason });
  });

  it('auto-matches the same code only', () => {
    expect(ACCOUNT_RULE.obvious(income, [gl('8100', 110), gl('8000', 110)])?.ID).toBe('gl-8000');
    expect(ACCOUNT_RULE.obvious({ ...income, code: '700000' }, [gl('8000', 110)])).toBeNull();
  });
});

describe('tax mappings', () => {
  const codes = [vat('0', 0, 'B'), vat('1', 0.06, 'S'), vat('3', 0.21, 'S'), vat('13', 0.21, 'P')];
  const sale21: OdooRecordToMap = { id: 21, code: null, name: '21%', type: 'sale', percentage: 21 };
  const purchase21: OdooRecordToMap = { ...sale21, id: 121, type: 'purchase' };
  const exempt: OdooRecordToMap = { ...sale21, id: 30, percentage: 0 };

  it.each([
    [sale21, '3', 'valid', null],
    [
      sale21,
      '13',
      'invalid',
      'wrong use: Exact VAT code 13 is for purchases, the Odoo tax for sales',
    ],
    [sale21, '1', 'invalid', 'wrong percentage: Exact VAT code 1 is 6%, the Odoo tax 21%'],
    [exempt, '0', 'valid', null],
  ] as const)('%j → %s', (odoo, code, status, reason) => {
    expect(mappingStatus(TAX_RULE, odoo, code, codes)).toMatchObject({ status, reason });
  });

  it('auto-matches by percentage and use', () => {
    const fitting = (odoo: OdooRecordToMap) =>
      codes.filter((c) => TAX_RULE.misfit(odoo, c) === null);
    expect(TAX_RULE.obvious(sale21, fitting(sale21))?.Code).toBe('3');
    expect(TAX_RULE.obvious(purchase21, fitting(purchase21))?.Code).toBe('13');
    expect(TAX_RULE.obvious(exempt, fitting(exempt))?.Code).toBe('0');
    // Two sales codes at 21%: the operator chooses.
    const twice = [...codes, vat('4', 0.21, 'S')];
    expect(
      TAX_RULE.obvious(
        sale21,
        twice.filter((c) => TAX_RULE.misfit(sale21, c) === null),
      ),
    ).toBeNull();
  });
});

describe('bank journal mappings', () => {
  const bank: OdooRecordToMap = { id: 5, code: 'BNK1', name: 'Bank', type: 'bank' };
  it.each([
    ['20', 'valid', null],
    [
      '70',
      'invalid',
      'wrong type: Exact journal 70 is of type 20; a bank journal needs type 12 (bank)',
    ],
  ] as const)('%s → %s', (code, status, reason) => {
    expect(mappingStatus(BANK_JOURNAL_RULE, bank, code, journals)).toMatchObject({
      status,
      reason,
    });
  });
});
