import { spawnSync } from 'node:child_process';
import { AppName, appEntry } from '../../scripts/stack';

/** A process with missing or invalid configuration stops at once with one line naming the variable. */
describe('start-up configuration', () => {
  const start = (app: AppName, env: Record<string, string>) =>
    spawnSync(process.execPath, [appEntry(app)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it.each([
    [
      'contacts',
      {
        DATABASE_URL: 'postgres://localhost/x',
        RABBITMQ_URL: 'amqp://localhost',
      },
      'contacts: configuration error: TOKEN_ENCRYPTION_KEY is required but not set',
    ],
    [
      'gateway',
      {
        DATABASE_URL: 'postgres://localhost/x',
        RABBITMQ_URL: 'amqp://localhost',
        ADMIN_API_KEYS: 'short',
        TOKEN_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
        EXACT_CLIENT_ID: 'client',
        EXACT_REDIRECT_URI: 'https://connector.example/oauth/exact/callback',
      },
      'gateway: configuration error: ADMIN_API_KEYS is invalid: each key must be at least 16 characters',
    ],
    [
      'payments',
      {
        DATABASE_URL: 'postgres://localhost/x',
        RABBITMQ_URL: 'http://localhost',
        TOKEN_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
      },
      'payments: configuration error: RABBITMQ_URL is invalid: must be a amqp:// or amqps:// URL',
    ],
    [
      'invoices',
      {
        DATABASE_URL: 'postgres://localhost/x',
        RABBITMQ_URL: 'amqp://localhost',
        TOKEN_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
        EXACT_RATE_WINDOW_MS: '10',
      },
      'invoices: configuration error: EXACT_RATE_WINDOW_MS is invalid: EXACT_RATE_WINDOW_MS must not be less than 100',
    ],
    [
      'sandbox',
      { SANDBOX_ODOO_VERSION: '18' },
      'sandbox: configuration error: SANDBOX_ODOO_VERSION is invalid: SANDBOX_ODOO_VERSION must not be greater than 17',
    ],
  ] as [AppName, Record<string, string>, string][])('%s with %j', (app, env, line) => {
    const result = start(app, env);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${line}\n`);
  });

  it('names every missing variable on the one line', () => {
    const result = start('contacts', {});
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    for (const variable of ['DATABASE_URL', 'RABBITMQ_URL', 'TOKEN_ENCRYPTION_KEY']) {
      expect(result.stderr).toContain(`${variable} is required but not set`);
    }
  });
});
