/** class-transformer: `'a, b,,c'` → `['a', 'b', 'c']`, for lists in environment variables and query strings. */
export function commaSeparated({ value }: { value: unknown }): unknown {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;
}

/** Like `commaSeparated`, with every item a number (`'1001,2002'` → `[1001, 2002]`). */
export function commaSeparatedNumbers({ value }: { value: unknown }): unknown {
  const list = commaSeparated({ value });
  return Array.isArray(list) ? list.map(Number) : list;
}
