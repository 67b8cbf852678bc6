/**
 * The rows of a statement, whatever ran it: TypeORM's `query()` answers an UPDATE or DELETE with
 * `[rows, rowCount]` and anything else with `rows`; a pg Pool answers `{ rows }`.
 */
export function returningRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  if (result && typeof result === 'object' && !Array.isArray(result) && 'rows' in result)
    return (result as { rows: T[] }).rows;
  return result as T[];
}
