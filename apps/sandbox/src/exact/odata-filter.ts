/**
 * An OData v2 `$filter` parser and evaluator, as far as Exact Online's API needs it: eq ne gt ge lt
 * le, and or not, parentheses; string, guid'…', datetime'…', numbers (Int64 `L` suffix), true,
 * false, null; substringof, startswith, endswith, trim, tolower, toupper, length. Written for the
 * simulator, independently of the client's filter builder, so each can catch the other's mistakes.
 * String comparison ignores case, like Exact's SQL Server collation (UNCONFIRMED; configurable
 * later if a live division says otherwise).
 */
export class ODataFilterError extends Error {}

export type FilterValue = string | number | boolean | Date | null;
export type FieldType = 'guid' | 'string' | 'number' | 'boolean' | 'datetime' | 'deferred';

type Node =
  | {
      kind: 'literal';
      value: FilterValue;
      type: 'string' | 'guid' | 'datetime' | 'number' | 'boolean' | 'null';
    }
  | { kind: 'field'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

export interface ParsedFilter {
  /** Field names the filter mentions (for Exact's mandatory-filter rule). */
  fields: Set<string>;
  matches(record: Record<string, unknown>): boolean;
}

const SYNTAX = 'Bad Request - Error in query syntax.';
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS: Record<string, number> = {
  substringof: 2,
  startswith: 2,
  endswith: 2,
  trim: 1,
  tolower: 1,
  toupper: 1,
  length: 1,
};

export function parseODataFilter(
  text: string,
  fields: Record<string, FieldType>,
  entityType: string,
): ParsedFilter {
  const tokens = tokenize(text);
  let position = 0;
  const mentioned = new Set<string>();
  const peek = () => tokens[position];
  const take = () => tokens[position++];
  const expectToken = (value: string) => {
    if (take()?.value !== value) throw new ODataFilterError(SYNTAX);
  };

  const parseOr = (): Node => {
    let node = parseAnd();
    while (peek()?.value === 'or') {
      take();
      node = { kind: 'binary', op: 'or', left: node, right: parseAnd() };
    }
    return node;
  };
  const parseAnd = (): Node => {
    let node = parseNot();
    while (peek()?.value === 'and') {
      take();
      node = { kind: 'binary', op: 'and', left: node, right: parseNot() };
    }
    return node;
  };
  const parseNot = (): Node => {
    if (peek()?.value === 'not') {
      take();
      return { kind: 'not', operand: parseNot() };
    }
    return parseComparison();
  };
  const parseComparison = (): Node => {
    const left = parsePrimary();
    const op = peek();
    if (op && op.type === 'word' && COMPARISONS.has(op.value)) {
      take();
      return { kind: 'binary', op: op.value, left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (): Node => {
    const token = take();
    if (!token) throw new ODataFilterError(SYNTAX);
    if (token.type === 'punct' && token.value === '(') {
      const node = parseOr();
      expectToken(')');
      return node;
    }
    if (token.type === 'literal') return token.node;
    if (token.type === 'word') {
      if (token.value === 'true' || token.value === 'false')
        return { kind: 'literal', value: token.value === 'true', type: 'boolean' };
      if (token.value === 'null') return { kind: 'literal', value: null, type: 'null' };
      if (peek()?.value === '(' && token.value in FUNCTIONS) {
        take();
        const args: Node[] = [];
        if (peek()?.value !== ')') {
          args.push(parseOr());
          while (peek()?.value === ',') {
            take();
            args.push(parseOr());
          }
        }
        expectToken(')');
        if (args.length !== FUNCTIONS[token.value]) throw new ODataFilterError(SYNTAX);
        return { kind: 'call', name: token.value, args };
      }
      if (!(token.value in fields)) {
        throw new ODataFilterError(
          `Could not find a property named '${token.value}' on type '${entityType}'.`,
        );
      }
      mentioned.add(token.value);
      return { kind: 'field', name: token.value };
    }
    throw new ODataFilterError(SYNTAX);
  };

  const root = parseOr();
  if (position !== tokens.length) throw new ODataFilterError(SYNTAX);
  return { fields: mentioned, matches: (record) => truthy(evaluate(root, record)) };
}

type Token =
  | { type: 'word'; value: string }
  | { type: 'punct'; value: string }
  | { type: 'literal'; value: string; node: Node };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: 'punct', value: char });
      i++;
    } else if (char === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ type: 'literal', value, node: { kind: 'literal', value, type: 'string' } });
      i = end;
    } else if (/[-\d]/.test(char)) {
      const match = /^-?\d+(\.\d+)?([LlMmDdFf])?/.exec(text.slice(i));
      if (!match) throw new ODataFilterError(SYNTAX);
      tokens.push({
        type: 'literal',
        value: match[0],
        node: {
          kind: 'literal',
          value: Number(match[0].replace(/[LlMmDdFf]$/, '')),
          type: 'number',
        },
      });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(text.slice(i))!;
      const word = match[0];
      i += word.length;
      if (
        (word === 'guid' || word === 'datetime' || word === 'datetimeoffset') &&
        text[i] === "'"
      ) {
        const start = i - word.length;
        const { value, end } = readQuoted(text, i);
        i = end;
        tokens.push({
          type: 'literal',
          value,
          node: typedLiteral(word, value, text.slice(start, end), start),
        });
      } else {
        tokens.push({ type: 'word', value: word });
      }
    } else {
      throw new ODataFilterError(SYNTAX);
    }
  }
  return tokens;
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i++];
  }
  throw new ODataFilterError(SYNTAX);
}

function typedLiteral(prefix: string, value: string, raw: string, position: number): Node {
  if (prefix === 'guid') {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
      throw new ODataFilterError(`Unrecognized 'Edm.Guid' literal '${raw}' in '${position}'.`);
    }
    return { kind: 'literal', value: value.toLowerCase(), type: 'guid' };
  }
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value)
    ? new Date(`${value.length === 10 ? `${value}T00:00:00` : value}Z`)
    : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new ODataFilterError(`Unrecognized 'Edm.DateTime' literal '${raw}' in '${position}'.`);
  }
  return { kind: 'literal', value: date, type: 'datetime' };
}

function evaluate(node: Node, record: Record<string, unknown>): FilterValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'field': {
      const value = record[node.name];
      return value === undefined ? null : (value as FilterValue);
    }
    case 'not':
      return !truthy(evaluate(node.operand, record));
    case 'call':
      return call(
        node.name,
        node.args.map((arg) => evaluate(arg, record)),
      );
    case 'binary': {
      if (node.op === 'and')
        return truthy(evaluate(node.left, record)) && truthy(evaluate(node.right, record));
      if (node.op === 'or')
        return truthy(evaluate(node.left, record)) || truthy(evaluate(node.right, record));
      return compare(node.op, evaluate(node.left, record), evaluate(node.right, record));
    }
  }
}

function call(name: string, args: FilterValue[]): FilterValue {
  const text = (value: FilterValue) => (value === null ? '' : String(value));
  switch (name) {
    case 'substringof':
      return text(args[1]).toLowerCase().includes(text(args[0]).toLowerCase());
    case 'startswith':
      return text(args[0]).toLowerCase().startsWith(text(args[1]).toLowerCase());
    case 'endswith':
      return text(args[0]).toLowerCase().endsWith(text(args[1]).toLowerCase());
    case 'trim':
      return args[0] === null ? null : text(args[0]).trim();
    case 'tolower':
      return args[0] === null ? null : text(args[0]).toLowerCase();
    case 'toupper':
      return args[0] === null ? null : text(args[0]).toUpperCase();
    default:
      return text(args[0]).length;
  }
}

function compare(op: string, left: FilterValue, right: FilterValue): boolean {
  if (left === null || right === null) {
    const same = left === right;
    return op === 'eq' ? same : op === 'ne' ? !same : false;
  }
  const [a, b] = [comparable(left), comparable(right)];
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    default:
      return a <= b;
  }
}

function comparable(value: Exclude<FilterValue, null>): string | number | boolean {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return value.toLowerCase();
  return value;
}

function truthy(value: FilterValue): boolean {
  return value === true;
}
