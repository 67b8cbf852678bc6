import { toOdooError } from './odoo-errors';

const envelope = (name: string, message: string, code = 200) => ({
  code,
  message: 'Odoo Server Error',
  data: { name, message, arguments: [message], context: {}, debug: '' },
});

describe(toOdooError.name, () => {
  it.each([
    ['odoo.exceptions.AccessDenied', 'Access Denied', false],
    ['odoo.exceptions.AccessError', 'Access to unauthorized or invalid companies.', false],
    [
      'odoo.exceptions.UserError',
      'You can only register payment for posted journal entries.',
      false,
    ],
    [
      'odoo.exceptions.ValidationError',
      'The operation cannot be completed: Contacts require a name',
      false,
    ],
    ['odoo.exceptions.MissingError', 'Record does not exist or has been deleted.', false],
    ['builtins.ValueError', "Invalid field 'foo' on model 'res.partner'", false],
    [
      'psycopg2.errors.SerializationFailure',
      'could not serialize access due to concurrent update',
      true,
    ],
    ['psycopg2.OperationalError', 'server closed the connection unexpectedly', true],
    ['psycopg2.OperationalError', 'FATAL:  database "nope" does not exist', false],
  ])('%s is retryable: %s, and keeps Odoo’s message', (name, message, retryable) => {
    const error = toOdooError(envelope(name, message), 'res.partner.read');
    expect(error.retryable).toBe(retryable);
    expect(error.errorClass).toBe('odoo');
    expect(error.odooName).toBe(name);
    expect(error.message).toContain(message);
  });

  it('treats an expired session (code 100) as retryable', () => {
    expect(
      toOdooError(envelope('odoo.http.SessionExpiredException', 'Session expired', 100), 'x')
        .retryable,
    ).toBe(true);
  });
});
