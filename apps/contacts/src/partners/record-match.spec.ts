import { MatchCandidates, matchRecord } from './record-match';

interface Rec {
  id: string;
  linkedTo?: string;
}

/** Candidates from a table: rule → records (a missing rule does not apply). */
const table = (
  byRule: Partial<Record<'vat' | 'code' | 'name_postcode', Rec[]>>,
): MatchCandidates<Rec> => ({
  find: async (rule) => byRule[rule] ?? null,
  linkedTo: async (r) => r.linkedTo ?? null,
  describe: (r) => r.id,
});

describe(matchRecord.name, () => {
  it.each([
    ['no rule applies', {}, { kind: 'none' }],
    [
      'the first rule with one free record',
      { vat: [{ id: 'A' }], code: [{ id: 'B' }] },
      { kind: 'match', record: { id: 'A' }, rule: 'vat' },
    ],
    [
      'an empty rule passes to the next',
      { vat: [], name_postcode: [{ id: 'C' }] },
      { kind: 'match', record: { id: 'C' }, rule: 'name_postcode' },
    ],
    [
      'a taken code passes to the next rule',
      { code: [{ id: 'B', linkedTo: 'p 2' }], name_postcode: [{ id: 'C' }] },
      { kind: 'match', record: { id: 'C' }, rule: 'name_postcode' },
    ],
    [
      'two records is a conflict',
      { vat: [{ id: 'A' }, { id: 'B' }] },
      { kind: 'conflict', reason: '2 records have the VAT number: A; B' },
    ],
    [
      'one taken record is a conflict',
      { vat: [{ id: 'A', linkedTo: 'p 2' }] },
      {
        kind: 'conflict',
        reason: 'the only record with the VAT number is taken: A, already linked to p 2',
      },
    ],
  ] as const)('%s', async (_case, byRule, expected) => {
    expect(await matchRecord(['vat', 'code', 'name_postcode'], table(byRule as never))).toEqual(
      expected,
    );
  });
});
