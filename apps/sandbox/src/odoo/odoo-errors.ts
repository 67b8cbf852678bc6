/** An exception the simulated Odoo raises; it becomes Odoo's JSON-RPC error envelope. */
export class OdooException extends Error {
  constructor(
    /** Fully qualified class, e.g. 'odoo.exceptions.AccessError' — what `error.data.name` carries. */
    readonly exceptionName: string,
    message: string,
  ) {
    super(message);
  }
}

export const accessDenied = () =>
  new OdooException('odoo.exceptions.AccessDenied', 'Access Denied');
export const accessError = (message: string) =>
  new OdooException('odoo.exceptions.AccessError', message);
export const userError = (message: string) =>
  new OdooException('odoo.exceptions.UserError', message);
export const validationError = (message: string) =>
  new OdooException('odoo.exceptions.ValidationError', message);
export const missingError = (message: string) =>
  new OdooException('odoo.exceptions.MissingError', message);
export const valueError = (message: string) => new OdooException('builtins.ValueError', message);

// 13–15 also sent `exception_type`; it went away with the 16 rewrite of odoo/http.py.
const EXCEPTION_TYPES: Record<string, string> = {
  'odoo.exceptions.AccessDenied': 'access_denied',
  'odoo.exceptions.AccessError': 'access_error',
  'odoo.exceptions.UserError': 'user_error',
  'odoo.exceptions.ValidationError': 'validation_error',
  'odoo.exceptions.MissingError': 'missing_error',
};

/** `{jsonrpc, id, error:{code, message, data:{name, message, arguments, context, debug}}}`, HTTP 200. */
export function errorEnvelope(id: unknown, error: OdooException, version: number) {
  const data: Record<string, unknown> = {
    name: error.exceptionName,
    message: error.message,
    arguments: [error.message],
    context: {},
    debug: `Traceback (most recent call last):\n  File "odoo/http.py", line 1, in _dispatch\n${error.exceptionName}: ${error.message}\n`,
  };
  if (version <= 15) data.exception_type = EXCEPTION_TYPES[error.exceptionName] ?? 'internal_error';
  // 13–17 used the arbitrary code 200 for every server error.
  return { jsonrpc: '2.0', id, error: { code: 200, message: 'Odoo Server Error', data } };
}
