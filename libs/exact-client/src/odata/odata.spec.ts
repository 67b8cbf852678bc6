import { and, eq, odata, or, padAccountCode } from './odata';

describe('odata literals', () => {
  it.each([
    ['a plain string', odata.string('Agrolait'), "'Agrolait'"],
    ['a quote in a string', odata.string("O'Neil & Co"), "'O''Neil & Co'"],
    [
      'a guid',
      odata.guid('71b961de-b9f3-49fe-883d-0f46c7e0e89b'),
      "guid'71b961de-b9f3-49fe-883d-0f46c7e0e89b'",
    ],
    [
      'a date without zone',
      odata.datetime(new Date('2024-01-31T00:00:00Z')),
      "datetime'2024-01-31T00:00:00'",
    ],
    ['a date-only string', odata.datetime('2024-01-31'), "datetime'2024-01-31T00:00:00'"],
    ['an Int64 timestamp', odata.int64(123456789012n), '123456789012L'],
    ['an Int64 from a string', odata.int64('1'), '1L'],
    ['a boolean', odata.boolean(false), 'false'],
    ['an account code', odata.accountCode('25'), `'${' '.repeat(16)}25'`],
  ])('%s', (_case, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('pads account codes to 18 characters and refuses longer ones', () => {
    expect(padAccountCode(' 8 ')).toHaveLength(18);
    expect(() => padAccountCode('1234567890123456789')).toThrow(/18/);
  });

  it('refuses a malformed guid instead of sending it', () => {
    expect(() => odata.guid("x' or 1 eq 1")).toThrow(/GUID/);
  });

  it('combines conditions with parentheses', () => {
    expect(and(eq('Name', odata.string('A')), eq('Postcode', odata.string('1000')))).toBe(
      "(Name eq 'A') and (Postcode eq '1000')",
    );
    expect(or(eq('A', '1'))).toBe('A eq 1');
  });
});
