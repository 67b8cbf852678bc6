import { FieldType, ODataFilterError, parseODataFilter } from './odata-filter';

const fields: Record<string, FieldType> = {
  ID: 'guid',
  Name: 'string',
  Code: 'string',
  Postcode: 'string',
  Blocked: 'boolean',
  Timestamp: 'number',
  Modified: 'datetime',
};
const record = {
  ID: '71b961de-b9f3-49fe-883d-0f46c7e0e89b',
  Name: "O'Neil Trading",
  Code: '                 8',
  Postcode: '3995',
  Blocked: false,
  Timestamp: 1234,
  Modified: new Date('2024-02-01T10:00:00Z'),
};
const matches = (filter: string) =>
  parseODataFilter(filter, fields, 'Exact.Web.Api.Models.Account').matches(record);

describe(parseODataFilter.name, () => {
  it.each([
    ["Name eq 'O''Neil Trading'", true],
    ["Name eq 'o''neil trading'", true],
    ["Name ne 'O''Neil Trading'", false],
    ["Code eq '8'", false],
    [`Code eq '${'8'.padStart(18)}'`, true],
    ["trim(Code) eq '8'", true],
    ["ID eq guid'71B961DE-B9F3-49FE-883D-0F46C7E0E89B'", true],
    ['Timestamp gt 1233L', true],
    ['Timestamp gt 1234L', false],
    ["Modified ge datetime'2024-02-01T00:00:00'", true],
    ["Modified lt datetime'2024-02-01'", false],
    ['Blocked eq false', true],
    ["(Name eq 'x' or Postcode eq '3995') and Blocked eq false", true],
    ["not (Postcode eq '3995')", false],
    ["substringof('neil', Name)", true],
    ["startswith(Name, 'O''N') and endswith(Name, 'ing')", true],
    ['Name eq null', false],
  ])('%s → %s', (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it('reports the fields it uses', () => {
    const parsed = parseODataFilter("Name eq 'a' and trim(Code) eq '1'", fields, 'T');
    expect([...parsed.fields].sort()).toEqual(['Code', 'Name']);
  });

  it.each([
    ["Name eq 'unterminated", 'Error in query syntax'],
    ['Name eq', 'Error in query syntax'],
    ["Name eq 'a' extra", 'Error in query syntax'],
    ["Unknown eq 'a'", "Could not find a property named 'Unknown'"],
    ["ID eq guid'dsadsds'", "Unrecognized 'Edm.Guid' literal 'guid'dsadsds''"],
    ["Modified eq datetime'soon'", "Unrecognized 'Edm.DateTime' literal"],
  ])('rejects %s', (filter, message) => {
    expect(() => matches(filter)).toThrow(ODataFilterError);
    expect(() => matches(filter)).toThrow(message);
  });
});
