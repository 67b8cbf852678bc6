import { ConnectorError } from '@app/common';

/** A failure talking to Odoo; `odooName` is Odoo's exception class (error.data.name) when it sent one. */
export class OdooError extends ConnectorError {
  readonly errorClass = 'odoo';

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly odooName: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface JsonRpcError {
  code?: number;
  message?: string;
  data?: { name?: string; message?: string };
}

/**
 * Odoo answers JSON-RPC errors with HTTP 200 and `error.data.name` = the exception class; the
 * `code` is arbitrary (200 up to 17, 0 later) except 100 (session expired). Business refusals,
 * access problems and missing records do not heal by themselves; a session expiry or a
 * concurrency failure does.
 */
export function toOdooError(error: JsonRpcError, call: string): OdooError {
  const name = error.data?.name ?? null;
  const detail = error.data?.message || error.message || 'Odoo Server Error';
  const short = name ? name.replace(/^odoo\.exceptions\.|^odoo\.http\.|^builtins\./, '') : 'error';
  const message = `${call}: ${short}: ${detail}`;
  if (error.code === 100 || name === 'odoo.http.SessionExpiredException') {
    return new OdooError(message, true, name);
  }
  // Concurrency failures heal by themselves; a missing database or a refused login does not.
  if (
    name &&
    /psycopg2\.(errors\.)?(SerializationFailure|LockNotAvailable|DeadlockDetected)/.test(name)
  ) {
    return new OdooError(message, true, name);
  }
  if (
    name === 'psycopg2.OperationalError' &&
    !/does not exist|authentication failed/i.test(detail)
  ) {
    return new OdooError(message, true, name);
  }
  return new OdooError(message, false, name);
}
