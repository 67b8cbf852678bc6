/**
 * OData v2 literals and filters as Exact Online reads them. Every value that goes into a $filter
 * passes through one of these, so quoting and padding rules live in one place.
 */
export const odata = {
  string: (value: string) => `'${value.replace(/'/g, "''")}'`,
  guid: (value: string) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
      throw new Error(`not a GUID: ${value}`);
    }
    return `guid'${value}'`;
  },
  /** Zone-less: a trailing Z can move a date into the previous day or VAT period. */
  datetime: (value: Date | string) => {
    const iso = typeof value === 'string' ? value : value.toISOString();
    const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(iso);
    if (!match) throw new Error(`not a date: ${value}`);
    return `datetime'${match[1]}T${match[2] ?? '00:00:00'}'`;
  },
  /** Int64, e.g. sync Timestamps. */
  int64: (value: bigint | number | string) => `${BigInt(value).toString()}L`,
  number: (value: number) => {
    if (!Number.isFinite(value)) throw new Error(`not a number: ${value}`);
    return String(value);
  },
  boolean: (value: boolean) => (value ? 'true' : 'false'),
  /** crm/Accounts.Code is stored right-aligned in 18 characters; an unpadded filter matches nothing. */
  accountCode: (code: string) => odata.string(padAccountCode(code)),
};

export function padAccountCode(code: string): string {
  const trimmed = code.trim();
  if (trimmed.length > 18)
    throw new Error(`an Exact account code has at most 18 characters: ${code}`);
  return trimmed.padStart(18, ' ');
}

export function eq(field: string, literal: string): string {
  return `${field} eq ${literal}`;
}

export function and(...conditions: string[]): string {
  return conditions.length === 1 ? conditions[0] : conditions.map((c) => `(${c})`).join(' and ');
}

export function or(...conditions: string[]): string {
  return conditions.length === 1 ? conditions[0] : conditions.map((c) => `(${c})`).join(' or ');
}
