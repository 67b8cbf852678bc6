import { valueError } from './odoo-errors';

/** The values of a path through an x2many field: a leaf matches when one of them does (Odoo's semantics). */
export class AnyOf {
  constructor(readonly values: unknown[]) {}
}

/** A term of an Odoo domain: '&', '|', '!' or a leaf [field, operator, value]. */
export type DomainTerm = string | [string, string, unknown];

/** Reads a (possibly dotted) field path of a record, following many2one ids through `resolve`. */
export type FieldReader = (record: Record<string, unknown>, path: string) => unknown;

const OPERATORS = new Set([
  '=',
  '!=',
  '<>',
  'in',
  'not in',
  '<',
  '<=',
  '>',
  '>=',
  'like',
  'ilike',
  'not like',
  'not ilike',
  '=like',
  '=ilike',
]);

/**
 * Evaluates an Odoo domain in Polish notation: leaves are ANDed unless '&', '|' or '!' say
 * otherwise. `validate` checks every leaf's field before anything is evaluated.
 */
export function compileDomain(
  domain: unknown,
  validate: (field: string, leaf: unknown) => void,
): (record: Record<string, unknown>, read: FieldReader) => boolean {
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  const terms = domain as DomainTerm[];
  for (const term of terms) {
    if (typeof term === 'string') {
      if (!['&', '|', '!'].includes(term))
        throw valueError(`Invalid domain term ${JSON.stringify(term)}`);
    } else if (
      !Array.isArray(term) ||
      term.length !== 3 ||
      typeof term[0] !== 'string' ||
      !OPERATORS.has(String(term[1]).toLowerCase())
    ) {
      throw valueError(`Invalid leaf ${JSON.stringify(term)}`);
    } else {
      validate(term[0], term);
    }
  }
  return (record, read) => {
    let position = 0;
    const next = (): boolean => {
      const term = terms[position++];
      // Both operands are always read, so the position stays right whatever the first one gives.
      if (term === '&' || term === '|') {
        const left = next();
        const right = next();
        return term === '&' ? left && right : left || right;
      }
      if (term === '!') return !next();
      return leaf(read(record, term[0]), String(term[1]).toLowerCase(), term[2]);
    };
    let result = true;
    while (position < terms.length) result = next() && result;
    return result;
  };
}

function leaf(actual: unknown, operator: string, expected: unknown): boolean {
  if (actual instanceof AnyOf) {
    // A negative leaf on an x2many holds when no related value matches the positive form.
    if (operator === 'not in' || operator === '!=' || operator === '<>') {
      return !actual.values.some((v) => leaf(v, operator === 'not in' ? 'in' : '=', expected));
    }
    return actual.values.some((v) => leaf(v, operator, expected));
  }
  const value =
    Array.isArray(actual) && actual.length === 2 && typeof actual[0] === 'number'
      ? actual[0]
      : actual;
  switch (operator) {
    case '=':
      return equals(value, expected);
    case '!=':
    case '<>':
      return !equals(value, expected);
    case 'in':
      return asList(expected).some((item) => equals(value, item));
    case 'not in':
      return !asList(expected).some((item) => equals(value, item));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return order(value, operator, expected);
    default:
      return like(value, operator, expected);
  }
}

function equals(value: unknown, expected: unknown): boolean {
  // Odoo's False matches an empty value of any type.
  if (expected === false || expected === null)
    return value === false || value === null || value === undefined || value === '';
  return value === expected;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function order(value: unknown, operator: string, expected: unknown): boolean {
  if (value === false || value === null || value === undefined) return false;
  const [a, b] = [value as number | string, expected as number | string];
  return operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b;
}

function like(value: unknown, operator: string, expected: unknown): boolean {
  const text = value === false || value === null || value === undefined ? '' : String(value);
  const negate = operator.startsWith('not ');
  const base = negate ? operator.slice(4) : operator;
  const insensitive = base.endsWith('ilike');
  const pattern = String(expected);
  // 'like'/'ilike' wrap the value in %…%; '=like'/'=ilike' take it as a SQL pattern.
  const sql = base.startsWith('=') ? pattern : `%${pattern}%`;
  const regex = new RegExp(
    `^${sql
      .split('%')
      .map((part) => part.split('_').map(escapeRegex).join('.'))
      .join('.*')}$`,
    insensitive ? 'is' : 's',
  );
  const matched = regex.test(text);
  return negate ? !matched : matched;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
