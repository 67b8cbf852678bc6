import { compileDomain } from './odoo-domain';

const partner = {
  id: 7,
  name: 'Deco Addict',
  active: true,
  customer_rank: 2,
  email: false,
  country_id: [21, 'Belgium'],
  write_date: '2026-11-28 09:00:00',
};
const read = (record: Record<string, unknown>, path: string) => record[path];
const matches = (domain: unknown[]) => compileDomain(domain, () => undefined)(partner, read);

describe(compileDomain.name, () => {
  it.each([
    [[['name', '=', 'Deco Addict']], true],
    [[['name', '!=', 'Deco Addict']], false],
    [[['email', '=', false]], true],
    [[['email', '!=', false]], false],
    [[['id', 'in', [1, 7]]], true],
    [[['id', 'not in', [7]]], false],
    [[['country_id', '=', 21]], true],
    [[['customer_rank', '>', 0]], true],
    [[['customer_rank', '<=', 1]], false],
    [[['write_date', '>=', '2026-11-28 08:00:00']], true],
    [[['name', 'ilike', 'deco']], true],
    [[['name', 'like', 'deco']], false],
    [[['name', 'not ilike', 'addict']], false],
    [[['name', '=ilike', 'deco%']], true],
    [[['name', '=like', 'D_co Addict']], true],
    [['|', ['name', '=', 'x'], ['id', '=', 7]], true],
    [['&', ['name', '=', 'x'], ['id', '=', 7]], false],
    [['!', ['id', '=', 7]], false],
    [
      [
        ['active', '=', true],
        ['id', '=', 8],
      ],
      false,
    ],
    [['|', '&', ['id', '=', 7], ['name', '=', 'x'], ['customer_rank', '=', 2]], true],
    // an '&' whose first operand is false still consumes its second one
    [['|', ['id', '=', 7], '&', ['id', '=', 8], ['name', '=', 'x']], true],
    [['|', ['id', '>', 7], '&', ['id', '=', 6], ['name', '=', 'Deco Addict']], false],
    [['&', ['id', '=', 8], ['name', '=', 'Deco Addict'], ['id', '=', 7]], false],
    [[], true],
  ])('%j → %s', (domain, expected) => {
    expect(matches(domain)).toBe(expected);
  });

  it('checks every leaf with the validator', () => {
    expect(() =>
      compileDomain([['nope', '=', 1]], (field) => {
        throw new Error(`Invalid field ${field}`);
      }),
    ).toThrow('Invalid field nope');
  });

  it.each([[['name', '~', 'x']], ['&&'], [['name', '=']]])(
    'refuses the malformed term %j',
    (term) => {
      expect(() => compileDomain([term], () => undefined)).toThrow();
    },
  );
});
