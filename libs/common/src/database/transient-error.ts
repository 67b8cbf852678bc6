// SQLSTATE classes that mean "the same statement may succeed if tried again":
// 08 connection exception, 40 transaction rollback (serialization, deadlock), 53 insufficient
// resources, 57P0x operator intervention (shutdown, crash recovery).
const TRANSIENT_SQLSTATE = /^(08|40|53|57P0)/;
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);

/** True when a database error is about availability rather than about the data or the query. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code))
  ) {
    return true;
  }
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
      message,
    )
  );
}
