import type { ExactAccount } from '@app/exact-client';
import type { PartnerMatchRule } from '@app/sync-queue';
import { AccountIndex, AccountKeys, accountCandidates, decideAccount } from './account-matching';

const account = (over: Partial<ExactAccount>): ExactAccount => ({
  ID: 'id',
  Code: null,
  Name: 'Agrolait',
  AddressLine1: null,
  AddressLine2: null,
  Postcode: '5101',
  City: null,
  Country: 'BE',
  Email: null,
  Phone: null,
  VATNumber: null,
  ChamberOfCommerce: null,
  Status: 'C',
  IsSupplier: false,
  Blocked: false,
  Language: null,
  PaymentConditionSales: null,
  PaymentConditionPurchase: null,
  ...over,
});

const exact = [
  account({ ID: 'a-vat', Code: '               100', VATNumber: 'BE0477472701', Postcode: '9999' }),
  account({ ID: 'a-code', Code: '              1042', Name: 'Other', Postcode: '1000' }),
  account({ ID: 'a-name', Code: '               200', Postcode: '5101' }),
  account({
    ID: 'twin-1',
    Code: '               301',
    Name: 'Deco Addict',
    VATNumber: 'BE0123456749',
  }),
  account({
    ID: 'twin-2',
    Code: '               302',
    Name: 'Deco Addict SA',
    VATNumber: 'BE0123456749',
  }),
];
const ALL: PartnerMatchRule[] = ['vat', 'code', 'name_postcode'];
const keys = (over: Partial<AccountKeys> = {}): AccountKeys => ({
  vat: null,
  code: null,
  name: 'Agrolait',
  postcode: null,
  ...over,
});

describe(decideAccount.name, () => {
  const decide = (k: AccountKeys, order = ALL, owners: Record<string, number> = {}) =>
    decideAccount(
      order,
      k,
      accountCandidates(7, k, new AccountIndex(exact).find, async (id) => owners[id] ?? null),
    );

  it.each([
    [
      'the same VAT number',
      keys({ vat: 'BE0477472701' }),
      ALL,
      {},
      { action: 'link', exactAccountId: 'a-vat', matchedBy: 'vat' },
    ],
    [
      'the same (padded) code',
      keys({ code: '1042' }),
      ALL,
      {},
      { action: 'link', exactAccountId: 'a-code', matchedBy: 'code' },
    ],
    [
      'the same name and postcode',
      keys({ postcode: '5101' }),
      ALL,
      {},
      { action: 'link', exactAccountId: 'a-name', matchedBy: 'name_postcode' },
    ],
    [
      'nothing alike: create with the free code',
      keys({ code: '555', postcode: '4000' }),
      ALL,
      {},
      { action: 'create', code: '555' },
    ],
    [
      'a code another partner has: create without it',
      keys({ code: '1042' }),
      ALL,
      { 'a-code': 8 },
      { action: 'create', code: null },
    ],
    [
      'its own link counts as free',
      keys({ vat: 'BE0477472701' }),
      ALL,
      { 'a-vat': 7 },
      { action: 'link', exactAccountId: 'a-vat', matchedBy: 'vat' },
    ],
    [
      'the order: name before VAT',
      keys({ vat: 'BE0477472701', postcode: '5101' }),
      ['name_postcode', 'vat'],
      {},
      { action: 'link', exactAccountId: 'a-name', matchedBy: 'name_postcode' },
    ],
    [
      'a rule left out is not used',
      keys({ vat: 'BE0477472701' }),
      ['name_postcode'],
      {},
      { action: 'create', code: null },
    ],
  ] as const)('%s', async (_case, k, order, owners, expected) => {
    expect(await decide(k, order as PartnerMatchRule[], owners)).toEqual(expected);
  });

  it('reports two accounts with one VAT number as a conflict naming both', async () => {
    const decision = await decide(keys({ vat: 'BE0123456749' }));
    expect(decision.action).toBe('conflict');
    expect(decision).toMatchObject({
      reason: expect.stringMatching(
        /2 records have the VAT number: 301 Deco Addict \(twin-1\); 302 Deco Addict SA \(twin-2\)/,
      ),
    });
  });

  it('reports a match that already stands for another partner as a conflict', async () => {
    const decision = await decide(keys({ vat: 'BE0477472701' }), ALL, { 'a-vat': 8 });
    expect(decision).toMatchObject({
      action: 'conflict',
      reason: expect.stringContaining('already linked to res.partner 8'),
    });
  });

  it('asks each rule once, also for the code check before a create', async () => {
    const asked: string[] = [];
    const k = keys({ vat: 'BE9', code: '77', postcode: '1' });
    await decideAccount(
      ALL,
      k,
      accountCandidates(
        7,
        k,
        async (rule) => (asked.push(rule), []),
        async () => null,
      ),
    );
    expect(asked).toEqual(['vat', 'code', 'name_postcode']);
  });
});
