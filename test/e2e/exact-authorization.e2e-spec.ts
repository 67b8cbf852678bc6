import { SecretBox, deriveKey } from '@app/common';
import { AUTH_PATTERNS } from '@app/contracts';
import { ExactClient, StaticTokenProvider, journals } from '@app/exact-client';
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { waitFor } from '../../scripts/stack';
import { rpcRequests } from '../support/amqp-rpc';
import {
  E2eStack,
  SANDBOX_DIVISION,
  partnerId,
  publishPartnerEvent,
  startE2eStack,
} from '../support/e2e-stack';

type Connection = {
  id: string;
  status: string;
  statusReason: string | null;
  exactDivision: number | null;
  exactUserName: string | null;
};

/** Token rows of a connection, decrypted with the stack's key. */
async function storedTokens(stack: E2eStack) {
  const [row] = await stack.db.query(`SELECT * FROM exact_token WHERE connection_id = $1`, [
    stack.connection.id,
  ]);
  const box = new SecretBox(stack.serviceEnv.TOKEN_ENCRYPTION_KEY);
  return {
    row,
    access: box.decrypt(row.access_token, stack.connection.id),
    refresh: box.decrypt(row.refresh_token, stack.connection.id),
  };
}

/** Makes the stored access token expire now, both for the connector and for the simulated Exact. */
async function expireAccessToken(stack: E2eStack) {
  await stack.db.query(
    `UPDATE exact_token SET access_expires_at = now() - interval '1 second', last_token_request_at = now() - interval '601 seconds' WHERE connection_id = $1`,
    [stack.connection.id],
  );
  await stack.sandboxClient.advanceClock(601_000);
}

function exactWith(stack: E2eStack, token: string) {
  return new ExactClient({
    baseUrl: stack.sandbox.url,
    division: SANDBOX_DIVISION,
    connectionId: 'check',
    tokens: new StaticTokenProvider(token),
  });
}

describe('connecting to Exact Online: authorize, callback, divisions, pin', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    // No auto-consent: the simulated user picks the division on Exact's consent page.
    stack = await startE2eStack({
      skipConnect: true,
      sandboxEnv: { SANDBOX_EXACT_AUTO_CONSENT_DIVISION: '' },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const api = <T>(method: string, path: string, body?: unknown) =>
    stack.gatewayClient.request<T>(method, path, body);

  it('creates a draft connection whose secrets are stored encrypted and never shown', async () => {
    const { status, body } = await api<Connection & Record<string, unknown>>(
      'GET',
      `/api/connections/${stack.connection.id}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'draft', exactDivision: null, odooDb: 'demo' });
    expect(JSON.stringify(body)).not.toContain('sandbox-odoo-api-key');
    expect(body).not.toHaveProperty('odooSecret');
    const [row] = await stack.db.query(`SELECT odoo_secret FROM connection WHERE id = $1`, [
      stack.connection.id,
    ]);
    expect(row.odoo_secret).toMatch(/^v1:/);
    expect(row.odoo_secret).not.toContain('sandbox-odoo-api-key');
    expect(
      (await api('GET', `/api/connections/${stack.connection.id}/exact/divisions`)).status,
    ).toBe(409);
  });

  it('refuses bad connection requests naming the field, and duplicates', async () => {
    const bad = await api<{ fields: string[] }>('POST', '/api/connections', {
      name: 'x',
      odooUrl: 'not a url',
      odooDb: 'd',
      odooLogin: 'l',
      odooSecret: 's',
      odooCompanyId: 0,
      exactCountry: 'xx',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.sort()).toEqual(['exactCountry', 'odooCompanyId', 'odooUrl']);
    const duplicate = await api('POST', '/api/connections', {
      name: 'Again',
      odooUrl: stack.sandbox.url,
      odooDb: 'demo',
      odooLogin: 'admin',
      odooSecret: 'k',
      odooCompanyId: 1,
      exactCountry: 'be',
    });
    expect(duplicate.status).toBe(409);
  });

  it('sends the user to the country host with the app, the redirect URI and a signed state', async () => {
    const response = await fetch(
      `${stack.gateway.url}/api/connections/${stack.connection.id}/exact/authorize`,
      {
        headers: { Authorization: `Bearer ${'test-admin-key-0123456789'}` },
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(`${stack.sandbox.url}/api/oauth2/auth`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: 'sandbox-client-id',
      redirect_uri: stack.serviceEnv.EXACT_REDIRECT_URI,
      response_type: 'code',
      state: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
    });
  });

  it('refuses a tampered, an expired and a reused state with 400', async () => {
    const tampered = await fetch(
      `${stack.gateway.url}/oauth/exact/callback?code=abc&state=${'eyJjIjoiMSJ9'}.${'AAAA'}`,
    );
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as { message: string }).message).toContain('tampered');
    // A state signed with the right key but past its expiry.
    const payload = Buffer.from(
      JSON.stringify({ c: stack.connection.id, n: randomUUID(), e: Date.now() - 1000 }),
    ).toString('base64url');
    const signature = createHmac(
      'sha256',
      deriveKey(stack.serviceEnv.TOKEN_ENCRYPTION_KEY, 'exact-oauth-state'),
    )
      .update(payload)
      .digest('base64url');
    const expired = await fetch(
      `${stack.gateway.url}/oauth/exact/callback?code=abc&state=${payload}.${signature}`,
    );
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { message: string }).message).toContain('expired');
  });

  it('authorizes on the consent page, lists the divisions, pins one: ready — and a reused callback is refused', async () => {
    const toExact = await fetch(
      `${stack.gateway.url}/api/connections/${stack.connection.id}/exact/authorize`,
      {
        headers: { Authorization: 'Bearer test-admin-key-0123456789' },
        redirect: 'manual',
      },
    );
    const authorizeUrl = new URL(toExact.headers.get('location')!);
    const page = await fetch(authorizeUrl);
    expect(await page.text()).toContain('Allow access to Exact Online?');
    const consent = await fetch(new URL('/api/oauth2/auth', authorizeUrl), {
      method: 'POST',
      body: new URLSearchParams({
        ...Object.fromEntries(authorizeUrl.searchParams),
        division: String(SANDBOX_DIVISION),
        consent: 'allow',
      }),
      redirect: 'manual',
    });
    const callbackUrl = consent.headers.get('location')!;
    const callback = await fetch(callbackUrl);
    expect(callback.status).toBe(200);
    const result = (await callback.json()) as {
      connection: Connection;
      divisions: { code: number }[];
    };
    expect(result.connection).toMatchObject({
      status: 'authorized',
      exactUserName: 'Sandbox User',
    });
    expect(result.divisions.map((d) => d.code)).toEqual([1001, 2002]);
    expect((await fetch(callbackUrl)).status).toBe(400);

    const listed = await api<{ code: number; pinned: boolean }[]>(
      'GET',
      `/api/connections/${stack.connection.id}/exact/divisions`,
    );
    expect(listed.body.map((d) => d.code)).toEqual([1001, 2002]);
    const notGranted = await api<{ message: string }>(
      'PUT',
      `/api/connections/${stack.connection.id}/exact/division`,
      { division: 3003 },
    );
    expect(notGranted.status).toBe(400);
    const pinned = await api<Connection>(
      'PUT',
      `/api/connections/${stack.connection.id}/exact/division`,
      { division: SANDBOX_DIVISION },
    );
    expect(pinned.body).toMatchObject({
      status: 'ready',
      exactDivision: SANDBOX_DIVISION,
      statusReason: null,
    });
  });

  it('keeps no token in plaintext: the stored ciphertexts decrypt to working tokens', async () => {
    const { row, access, refresh } = await storedTokens(stack);
    for (const [stored, plain] of [
      [row.access_token, access],
      [row.refresh_token, refresh],
    ]) {
      expect(stored).toMatch(/^v1:/);
      expect(stored).not.toContain(plain);
    }
    expect((await journals.find(exactWith(stack, access))).length).toBeGreaterThan(0);
  });

  it('runs a contacts job with a token obtained from the auth service', async () => {
    const agrolait = await partnerId(stack.sandboxClient, 'Agrolait');
    await publishPartnerEvent(stack, agrolait);
    const job = await waitFor('the Agrolait job', async () => {
      const [found] = await stack.gatewayClient.jobs({ kind: 'contact.sync', state: 'done' });
      return found;
    });
    expect(job.result).toMatchObject({ action: 'created' });
    const { access } = await storedTokens(stack);
    const posts = (await stack.sandboxClient.calls('exact')).calls.filter(
      (c) => c.method === 'POST' && c.path === 'crm/Accounts',
    );
    expect(posts).toHaveLength(1);
    expect((await journals.find(exactWith(stack, access))).length).toBeGreaterThan(0);
  });

  it('re-encrypts every secret under a new key with one command', async () => {
    const newKey = randomBytes(32).toString('base64');
    const before = await storedTokens(stack);
    const result = spawnSync(
      process.execPath,
      [join(__dirname, '../../dist/libs/sync-queue/src/rotate-encryption-key.js')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: stack.database.url,
          TOKEN_ENCRYPTION_KEY: stack.serviceEnv.TOKEN_ENCRYPTION_KEY,
          NEW_TOKEN_ENCRYPTION_KEY: newKey,
          NO_COLOR: '1',
        },
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('re-encrypted 1 connection secret(s) and 1 token pair(s)');
    const [row] = await stack.db.query(
      `SELECT t.access_token, c.odoo_secret FROM exact_token t JOIN connection c ON c.id = t.connection_id`,
    );
    const box = new SecretBox(newKey);
    expect(box.decrypt(row.access_token, stack.connection.id)).toBe(before.access);
    expect(box.decrypt(row.odoo_secret, stack.connection.id)).toBe('sandbox-odoo-api-key');
    expect(() =>
      new SecretBox(stack.serviceEnv.TOKEN_ENCRYPTION_KEY).decrypt(
        row.access_token,
        stack.connection.id,
      ),
    ).toThrow();
  });
});

describe('token custody: one refresh for many replicas and requests', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack({ auth: 3, contacts: 0 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 20 concurrent token requests to three auth processes just after expiry with exactly one refresh', async () => {
    await expireAccessToken(stack);
    await stack.sandboxClient.clearCalls();
    const replies = await rpcRequests<{ ok: boolean; accessToken?: string }>(
      stack.vhost.url,
      AUTH_PATTERNS.tokenGet,
      { connectionId: stack.connection.id },
      20,
    );
    expect(replies).toHaveLength(20);
    expect(replies.every((reply) => reply.ok)).toBe(true);
    const tokens = new Set(replies.map((reply) => reply.accessToken));
    expect(tokens.size).toBe(1);
    const refreshes = (await stack.sandboxClient.calls('exact')).calls.filter(
      (c) => c.path === 'oauth2/token',
    );
    expect(refreshes.map((c) => [c.operation, c.status])).toEqual([['refresh_token', 200]]);
    expect(
      (await journals.find(exactWith(stack, [...tokens][0] as string))).length,
    ).toBeGreaterThan(0);
  });
});

describe('a refresh token Exact no longer accepts', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('marks the connection reauthorization_required, lets its jobs wait without using attempts, and resumes them once authorized again', async () => {
    // Another installation rotates the chain: our stored refresh token is now an old one.
    const { refresh } = await storedTokens(stack);
    await stack.sandboxClient.advanceClock(571_000);
    const rotated = await fetch(`${stack.sandbox.url}/api/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refresh,
        client_id: 'sandbox-client-id',
        client_secret: 'sandbox-client-secret',
      }),
    });
    expect(rotated.status).toBe(200);
    await expireAccessToken(stack);

    const deco = await partnerId(stack.sandboxClient, 'Deco Addict');
    await publishPartnerEvent(stack, deco);
    const connection = await waitFor('the connection to need re-authorization', async () => {
      const { body } = await stack.gatewayClient.request<Connection>(
        'GET',
        `/api/connections/${stack.connection.id}`,
      );
      return body.status === 'reauthorization_required' ? body : undefined;
    });
    expect(connection.statusReason).toContain('Old refresh token used.');
    const waiting = await waitFor('the job to wait', async () => {
      const [job] = await stack.gatewayClient.jobs({ kind: 'contact.sync' });
      return job && job.state === 'pending' && job.lastError ? job : undefined;
    });
    expect(waiting).toMatchObject({ attempts: 0, errorClass: 'connector' });
    expect(waiting.lastError).toMatch(/authoriz/);

    await stack.gatewayClient.connectExact(stack.connection.id, SANDBOX_DIVISION);
    const done = await waitFor(
      'the job to run after re-authorization',
      async () => {
        const job = await stack.gatewayClient.job(waiting.id);
        return job.state === 'done' ? job : undefined;
      },
      15_000,
    );
    expect(done.result).toMatchObject({ action: 'created' });
    expect(done.attemptHistory.filter((a) => a.outcome === 'failed')).toEqual([]);
  });
});
