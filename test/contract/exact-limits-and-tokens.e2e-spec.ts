import {
  ExactClient,
  ExactErrorBudgetExceededError,
  ExactOAuthClient,
  ExactOutcomeUnknownError,
  ExactRateLimitedError,
  ExactTokenError,
  ExactTokenProvider,
  ExactUnauthorizedError,
  ExactUnavailableError,
  PostgresExactBudget,
  accounts,
  journals,
  verifyWebhookHashCode,
  webhookSubscriptions,
} from '@app/exact-client';
import { spawn } from 'node:child_process';
import { createServer, IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '../../scripts/stack';
import { TestDatabase, createTestDatabase } from '../support/infrastructure';
import { RunningSandbox, exactClient, startSandbox } from '../support/sandbox';

const CLIENT = {
  clientId: 'sandbox-client-id',
  clientSecret: 'sandbox-client-secret',
  redirectUri: 'https://connector.example/oauth/exact/callback',
};

describe('Exact client ⇄ Exact simulator: tokens', () => {
  let sandbox: RunningSandbox;
  let oauth: ExactOAuthClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ SANDBOX_EXACT_AUTO_CONSENT_DIVISION: '1001' });
    oauth = new ExactOAuthClient({ baseUrl: sandbox.url, ...CLIENT });
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  /** Follows the authorize URL as a browser would and answers the callback's code. */
  const authorize = async (state: string) => {
    const response = await fetch(oauth.authorizeUrl(state), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(CLIENT.redirectUri);
    expect(location.searchParams.get('state')).toBe(state);
    return location.searchParams.get('code')!;
  };
  const tokenError = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExactTokenError);
    return error as ExactTokenError;
  };

  it('exchanges a code once, for an access token of 600 s and a refresh token', async () => {
    const code = await authorize('state-1');
    const before = Date.now();
    const tokens = await oauth.exchangeCode(code);
    expect(tokens.accessExpiresAt.getTime() - before).toBeGreaterThanOrEqual(599_000);
    expect(tokens.accessExpiresAt.getTime() - before).toBeLessThanOrEqual(601_000);
    expect((await tokenError(oauth.exchangeCode(code))).kind).toBe('invalid_grant');
  });

  it('refuses a code older than 3 minutes', async () => {
    const code = await authorize('state-2');
    await sandbox.control.advanceClock(181_000);
    expect((await tokenError(oauth.exchangeCode(code))).kind).toBe('invalid_grant');
  });

  it('refuses a refresh within 570 s, rotates the refresh token after, and kills the chain on an old one', async () => {
    const first = await oauth.exchangeCode(await authorize('state-3'));
    const tooEarly = await tokenError(oauth.refresh(first.refreshToken));
    expect(tooEarly).toMatchObject({ kind: 'too_early', status: 400 });
    expect(tooEarly.message).toContain('Reason: TooEarlyToRefreshTokens');
    expect(tooEarly.retryable).toBe(true);

    await sandbox.control.advanceClock(571_000);
    const second = await oauth.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const old = await tokenError(oauth.refresh(first.refreshToken));
    expect(old).toMatchObject({
      kind: 'old_refresh_token',
      status: 401,
      needsReauthorization: true,
    });
    expect(old.message).toContain('Old refresh token used.');
    await sandbox.control.advanceClock(571_000);
    expect((await tokenError(oauth.refresh(second.refreshToken))).needsReauthorization).toBe(true);
  });

  it('expires a refresh token after 30 days without use', async () => {
    const tokens = await oauth.exchangeCode(await authorize('state-4'));
    await sandbox.control.advanceClock(31 * 86_400_000);
    const expired = await tokenError(oauth.refresh(tokens.refreshToken));
    expect(expired).toMatchObject({ kind: 'refresh_token_expired', status: 400 });
    expect(expired.message).toMatch(/The refresh token expired at .* and it is now .*\./);
  });

  it('renews once on a 401 and retries once', async () => {
    const tokens = await oauth.exchangeCode(await authorize('state-5'));
    const renewals: string[] = [];
    const provider: ExactTokenProvider = {
      getAccessToken: async () => 'expired-or-unknown-token',
      renewAccessToken: async (_connection, refused) => {
        renewals.push(refused);
        return tokens.accessToken;
      },
    };
    const client = exactClient(sandbox, 1001, { tokens: provider });
    expect((await journals.find(client)).length).toBeGreaterThan(0);
    expect(renewals).toEqual(['expired-or-unknown-token']);

    await sandbox.control.advanceClock(601_000);
    const stale: ExactTokenProvider = {
      getAccessToken: async () => tokens.accessToken,
      renewAccessToken: async () => tokens.accessToken,
    };
    await sandbox.control.clearCalls();
    await expect(
      journals.find(exactClient(sandbox, 1001, { tokens: stale })),
    ).rejects.toBeInstanceOf(ExactUnauthorizedError);
    expect((await sandbox.control.calls('exact')).calls.map((c) => c.status)).toEqual([401, 401]);
  });
});

describe('Exact client ⇄ Exact simulator: limits, faults and webhooks', () => {
  let database: TestDatabase;
  let sandbox: RunningSandbox;
  let db: Client;
  const WINDOW_MS = 3000;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    sandbox = await startSandbox({
      SANDBOX_EXACT_MINUTE_MS: String(WINDOW_MS),
      SANDBOX_EXACT_WEBHOOK_RETRY_MS: '50',
    });
  });

  afterAll(async () => {
    await db?.end();
    await sandbox?.close();
    await database?.drop();
  });

  beforeEach(async () => {
    await sandbox.control.reset();
    await db.query('TRUNCATE exact_rate_budget, exact_error_log');
  });

  const statuses = async () =>
    (await sandbox.control.calls('exact')).calls
      .filter((c) => c.division !== null)
      .map((c) => c.status);

  it('maps a 429 of the minutely window to a rate-limit error with the window’s reset', async () => {
    await sandbox.control.setExactLimits({ minutely: 3 });
    const client = exactClient(sandbox, 1001);
    for (let i = 0; i < 3; i++) await journals.find(client);
    const error = (await journals.find(client).catch((e: unknown) => e)) as ExactRateLimitedError;
    expect(error).toBeInstanceOf(ExactRateLimitedError);
    expect(error.window).toBe('minutely');
    expect(error.retryAt.getTime() % WINDOW_MS).toBe(0);
    expect(error.retryAt.getTime()).toBeGreaterThan(Date.now() - 100);
    expect(error.retryable).toBe(true);
  });

  it('maps a 429 of the daily window to a rate-limit error until the next day', async () => {
    await sandbox.control.setExactLimits({ daily: 2 });
    const client = exactClient(sandbox, 1001);
    await journals.find(client);
    await journals.find(client);
    const error = (await journals.find(client).catch((e: unknown) => e)) as ExactRateLimitedError;
    expect(error.window).toBe('daily');
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    expect(error.retryAt.toISOString()).toBe(tomorrow.toISOString());
  });

  it('learns the limits from the headers and waits for the next window instead of causing a 429', async () => {
    await sandbox.control.setExactLimits({ minutely: 3 });
    const client = exactClient(sandbox, 1001, {
      budget: new PostgresExactBudget(db, { windowMs: WINDOW_MS }),
    });
    for (let i = 0; i < 7; i++) await journals.find(client);
    const answered = await statuses();
    expect(answered).toHaveLength(7);
    expect(answered.every((status) => status === 200)).toBe(true);
  });

  it('uses a higher limit Exact reports at once, within the window it learned it in', async () => {
    await sandbox.control.setExactLimits({ minutely: 200 });
    const client = exactClient(sandbox, 1001, {
      budget: new PostgresExactBudget(db, { windowMs: WINDOW_MS }),
    });
    // Start just after a window begins, so that 100 quick calls fit in it.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS - (Date.now() % WINDOW_MS) + 20));
    for (let i = 0; i < 100; i++) await journals.find(client);
    const calls = (await sandbox.control.calls('exact')).calls.filter((c) => c.division === 1001);
    expect(calls.filter((c) => c.status === 200)).toHaveLength(100);
    // Had the budget kept its default of 60 for this window, call 61 would have waited for the next.
    const windows = new Set(calls.map((c) => Math.floor(Date.parse(c.at) / WINDOW_MS)));
    expect(windows.size).toBe(1);
  });

  it('shares one budget between two processes: together they stay inside the window, with zero 429s', async () => {
    await sandbox.control.setExactLimits({ minutely: 4 });
    const run = () => spawnBudgetUser(sandbox.url, database.url, 1001, 6, WINDOW_MS, 'minutely');
    const results = await Promise.all([run(), run()]);
    expect(results).toEqual([
      { ok: 6, refused: 0 },
      { ok: 6, refused: 0 },
    ]);
    const calls = (await sandbox.control.calls('exact')).calls.filter((c) => c.division === 1001);
    expect(calls).toHaveLength(12);
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
    const perWindow = new Map<number, number>();
    for (const call of calls)
      perWindow.set(
        Math.floor(Date.parse(call.at) / WINDOW_MS),
        (perWindow.get(Math.floor(Date.parse(call.at) / WINDOW_MS)) ?? 0) + 1,
      );
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(4);
  });

  it('shares the daily budget too: what is left over is refused without calling Exact', async () => {
    await sandbox.control.setExactLimits({ daily: 5 });
    const run = () => spawnBudgetUser(sandbox.url, database.url, 2002, 4, WINDOW_MS, 'daily');
    const results = await Promise.all([run(), run()]);
    expect(results.reduce((sum, r) => sum + r.ok, 0)).toBe(5);
    expect(results.reduce((sum, r) => sum + r.refused, 0)).toBe(3);
    expect((await statuses()).filter((s) => s === 429)).toEqual([]);
  });

  it('stops calling an endpoint before its 10th error in an hour, and only that endpoint', async () => {
    const client = exactClient(sandbox, 1001, {
      budget: new PostgresExactBudget(db, { windowMs: WINDOW_MS }),
    });
    for (let i = 0; i < 9; i++)
      await expect(accounts.find(client)).rejects.toThrow(/mandatory filtering/);
    await expect(accounts.find(client)).rejects.toBeInstanceOf(ExactErrorBudgetExceededError);
    const error = (await accounts
      .find(client)
      .catch((e: unknown) => e)) as ExactErrorBudgetExceededError;
    expect(error.retryAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(
      (await sandbox.control.calls('exact')).calls.filter((c) => c.path === 'crm/Accounts'),
    ).toHaveLength(9);
    expect((await journals.find(client)).length).toBeGreaterThan(0);
  });

  it('reports a create whose answer was lost as outcome unknown — and Exact did create it', async () => {
    await sandbox.control.addFault({
      system: 'exact',
      method: 'POST',
      path: 'crm/Accounts',
      dropResponse: true,
      times: 1,
    });
    const client = exactClient(sandbox, 1001);
    const error = await accounts
      .create(client, { Name: 'Lost Answer BV' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExactOutcomeUnknownError);
    const stored = await sandbox.control.exactRecords(1001, 'crm/Accounts');
    expect(stored.filter((a) => a.Name === 'Lost Answer BV')).toHaveLength(1);
  });

  it('reports a read that got no answer as unavailable (retryable), and a slow create as outcome unknown', async () => {
    await sandbox.control.addFault({
      system: 'exact',
      method: 'GET',
      path: 'financial/Journals',
      dropResponse: true,
      times: 1,
    });
    const client = exactClient(sandbox, 1001, { timeoutMs: 300 });
    const read = await journals.find(client).catch((e: unknown) => e);
    expect(read).toBeInstanceOf(ExactUnavailableError);
    await sandbox.control.addFault({
      system: 'exact',
      method: 'POST',
      path: 'crm/Accounts',
      latencyMs: 1000,
      times: 1,
    });
    expect(
      await accounts.create(client, { Name: 'Slow BV' }).catch((e: unknown) => e),
    ).toBeInstanceOf(ExactOutcomeUnknownError);
  });

  it('subscribes a webhook (the callback is validated first) and delivers signed notifications, retrying failures', async () => {
    const received: string[] = [];
    let failNext = 1;
    const server = await listen(async (body) => {
      if (body === '') return 200; // Exact's validation POST
      if (failNext-- > 0) return 500;
      received.push(body);
      return 200;
    });
    const client = exactClient(sandbox, 1001);
    try {
      const callback = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhooks/exact`;
      const subscription = await webhookSubscriptions.create(client, {
        CallbackURL: callback,
        Topic: 'Accounts',
      });
      expect(subscription).toMatchObject({ Topic: 'Accounts', CallbackURL: callback });
      const account = await accounts.create(client, { Name: 'Webhook Test BV' });
      await waitFor(
        'the retried delivery',
        async () => (received.length > 0 ? true : undefined),
        5000,
      );
      const verification = verifyWebhookHashCode(received[0], 'sandbox-webhook-secret');
      expect(verification).toEqual({
        valid: true,
        content: expect.objectContaining({
          Topic: 'Accounts',
          Action: 'Create',
          Key: account.ID,
          Division: 1001,
        }),
      });
      expect(verifyWebhookHashCode(received[0], 'another-secret').valid).toBe(false);
      await expect(
        webhookSubscriptions.create(client, {
          CallbackURL: 'http://127.0.0.1:9/nothing',
          Topic: 'Accounts',
        }),
      ).rejects.toThrow(/Invalid: Post to callback URL endpoint returns/);
    } finally {
      server.close();
    }
  });
});

/** A separate Node process drawing `calls` journal reads from the shared budget (built code, as a replica would run it). */
function spawnBudgetUser(
  sandboxUrl: string,
  databaseUrl: string,
  division: number,
  calls: number,
  windowMs: number,
  limited: 'minutely' | 'daily',
): Promise<{ ok: number; refused: number }> {
  const lib = join(__dirname, '../../dist/libs/exact-client/src/index.js');
  const script = `
    const { Client } = require('pg');
    const lib = require(${JSON.stringify(lib)});
    (async () => {
      const db = new Client({ connectionString: process.env.DATABASE_URL });
      await db.connect();
      const client = new lib.ExactClient({ baseUrl: process.env.SANDBOX_URL, division: ${division}, connectionId: 'probe',
        tokens: new lib.StaticTokenProvider('sandbox-exact-token'),
        budget: new lib.PostgresExactBudget(db, { windowMs: ${windowMs}, maxWaitMs: ${limited === 'daily' ? 0 : windowMs * 3} }) });
      let ok = 0, refused = 0;
      for (let i = 0; i < ${calls}; i++) {
        try { await lib.journals.find(client); ok++; }
        catch (error) { if (error instanceof lib.ExactRateLimitedError) refused++; else throw error; }
      }
      await db.end();
      process.stdout.write(JSON.stringify({ ok, refused }));
    })().catch((error) => { process.stderr.write(String(error && error.stack)); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SANDBOX_URL: sandboxUrl },
      cwd: join(__dirname, '../..'),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`budget user failed: ${err}`)),
    );
  });
}

function listen(answer: (body: string) => Promise<number>): Promise<Server> {
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      response.statusCode = await answer(body);
      response.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export type { ExactClient };
