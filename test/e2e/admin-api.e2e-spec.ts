import { SyncJobQueue, SyncQueueModule, decideAfterFailure } from '@app/sync-queue';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SyncJob } from '../../scripts/gateway-client';
import { E2eStack, TEST_ADMIN_KEY, startE2eStack } from '../support/e2e-stack';

type Page = { items: SyncJob[]; nextCursor: string | null };

/** The operator's API on a gateway process, over jobs put in each state through the queue itself. */
describe('admin API: sync jobs', () => {
  let stack: E2eStack;
  let context: INestApplicationContext;
  let queue: SyncJobQueue;
  const ids: Record<string, string> = {};
  const api = <T>(method: string, path: string, body?: unknown) =>
    stack.gatewayClient.request<T>(method, path, body);

  beforeAll(async () => {
    stack = await startE2eStack({ contacts: 0 });
    context = await NestFactory.createApplicationContext(
      SyncQueueModule.forRoot({
        databaseUrl: stack.database.url,
        maxAttempts: 2,
        backoff: { baseMs: 60_000, capMs: 60_000 },
      }),
      { logger: false },
    );
    queue = context.get(SyncJobQueue);
    const enqueue = (key: string, over: { kind?: string; connectionId?: string | null } = {}) =>
      queue.enqueue({
        kind: over.kind ?? 'contact.sync',
        direction: 'odoo_to_exact',
        connectionId: over.connectionId === undefined ? stack.connection.id : over.connectionId,
        sourceRef: `res.partner/${key}`,
        dedupKey: `admin-test:${key}`,
      });
    const fail = async (
      kind: string,
      message: string,
      errorClass: 'exact' | 'mapping',
      final: boolean,
    ) => {
      const [claimed] = await queue.claim('test-worker', [kind], 1, 30_000);
      const failure = { errorClass, retryable: !final, message };
      await queue.settleFailed(
        claimed,
        'test-worker',
        failure,
        decideAfterFailure(failure, claimed.attempts, claimed.maxAttempts, new Date(), {
          baseMs: 60_000,
          capMs: 60_000,
        }),
        'Deco Addict',
        [],
      );
      return claimed.id;
    };
    ids.done = (await enqueue('1')).id;
    const [claimed] = await queue.claim('test-worker', ['contact.sync'], 1, 30_000);
    await queue.settleSucceeded(
      claimed,
      'test-worker',
      { result: { action: 'created' }, label: 'Agrolait' },
      [],
    );
    await enqueue('2', { kind: 'test.dead' });
    ids.dead = await fail('test.dead', 'POST crm/Accounts: 400 Ongeldig: Dagboek', 'exact', true);
    await enqueue('3', { kind: 'test.mapping' });
    ids.mapping = await fail('test.mapping', 'no VAT code mapped for tax 21%', 'mapping', false);
    ids.pending = (await enqueue('4', { connectionId: null })).id;
    ids.running = (await enqueue('5', { kind: 'test.running' })).id;
    await queue.claim('test-worker', ['test.running'], 1, 30_000);
  });

  afterAll(async () => {
    await context?.close();
    await stack?.stop();
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}],
      ['a wrong key', { Authorization: 'Bearer not-the-key-0000000000' }],
      ['another scheme', { Authorization: `Basic ${TEST_ADMIN_KEY}` }],
    ])('answers 401 to %s on every /api route', async (_case, headers) => {
      for (const [method, path] of [
        ['GET', '/api/sync-jobs'],
        ['GET', '/api/sync-jobs/stats'],
        ['POST', '/api/sync-jobs/retry'],
        ['POST', `/api/sync-jobs/${ids.dead}/cancel`],
      ]) {
        const response = await fetch(`${stack.gateway.url}${path}`, { method, headers });
        expect(response.status).toBe(401);
      }
    });

    it('leaves /health open and reports the database and broker', async () => {
      const response = await fetch(`${stack.gateway.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'up', broker: 'up' });
    });

    it('serves the OpenAPI description', async () => {
      const document = (await (await fetch(`${stack.gateway.url}/api/docs-json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/sync-jobs',
          '/api/sync-jobs/{id}/retry',
          '/api/sync-jobs/stats',
        ]),
      );
      expect((await fetch(`${stack.gateway.url}/api/docs`)).status).toBe(200);
    });
  });

  describe('GET /api/sync-jobs', () => {
    it('lists newest first', async () => {
      const { body } = await api<Page>('GET', '/api/sync-jobs');
      expect(body.items.map((job) => job.id)).toEqual([
        ids.running,
        ids.pending,
        ids.mapping,
        ids.dead,
        ids.done,
      ]);
      expect(body.nextCursor).toBeNull();
    });

    it.each([
      ['state=failed,dead', () => [ids.mapping, ids.dead]],
      ['state=running', () => [ids.running]],
      ['kind=contact.sync', () => [ids.pending, ids.done]],
      ['q=Ongeldig', () => [ids.dead]],
      ['q=deco addict', () => [ids.mapping, ids.dead]],
      ['q=res.partner/4', () => [ids.pending]],
    ])('filters by %s', async (query, expected) => {
      const { body } = await api<Page>('GET', `/api/sync-jobs?${query}`);
      expect(body.items.map((job) => job.id)).toEqual(expected());
    });

    it('filters by connection', async () => {
      const { body } = await api<Page>('GET', `/api/sync-jobs?connectionId=${stack.connection.id}`);
      expect(body.items.map((job) => job.id)).not.toContain(ids.pending);
      expect(body.items).toHaveLength(4);
    });

    it('pages with a cursor without gaps or overlaps', async () => {
      const first = await api<Page>('GET', '/api/sync-jobs?limit=2');
      const second = await api<Page>(
        'GET',
        `/api/sync-jobs?limit=2&cursor=${first.body.nextCursor}`,
      );
      const third = await api<Page>(
        'GET',
        `/api/sync-jobs?limit=2&cursor=${second.body.nextCursor}`,
      );
      expect(
        [...first.body.items, ...second.body.items, ...third.body.items].map((job) => job.id),
      ).toEqual([ids.running, ids.pending, ids.mapping, ids.dead, ids.done]);
      expect(third.body.nextCursor).toBeNull();
    });

    it.each([
      ['state=bogus', ['state']],
      ['state=failed,nope', ['state']],
      ['limit=0', ['limit']],
      ['limit=many', ['limit']],
      ['connectionId=42', ['connectionId']],
      ['cursor=-1', ['cursor']],
      ['colour=blue', ['colour']],
    ])('answers 400 naming the field for %s', async (query, fields) => {
      const { status, body } = await api<{ fields: string[]; message: string[] }>(
        'GET',
        `/api/sync-jobs?${query}`,
      );
      expect(status).toBe(400);
      expect(body.fields).toEqual(fields);
      expect(body.message.join(' ')).toContain(fields[0]);
    });
  });

  describe('GET /api/sync-jobs/:id', () => {
    it('shows the job with its attempts', async () => {
      const { status, body } = await api<
        SyncJob & { attemptHistory: { outcome: string; errorMessage: string }[] }
      >('GET', `/api/sync-jobs/${ids.dead}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: ids.dead,
        state: 'dead',
        errorClass: 'exact',
        label: 'Deco Addict',
      });
      expect(body.attemptHistory).toEqual([
        expect.objectContaining({
          outcome: 'failed',
          errorMessage: 'POST crm/Accounts: 400 Ongeldig: Dagboek',
        }),
      ]);
    });

    it('answers 404 for an unknown job and 400 for a malformed id', async () => {
      expect((await api('GET', '/api/sync-jobs/987654')).status).toBe(404);
      const malformed = await api<{ fields: string[] }>('GET', '/api/sync-jobs/abc');
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields).toEqual(['id']);
    });
  });

  describe('retry and cancel', () => {
    it('retries a dead job: back to pending, due now, fresh attempts', async () => {
      const { status, body } = await api<SyncJob>('POST', `/api/sync-jobs/${ids.dead}/retry`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: ids.dead, state: 'pending', attempts: 0 });
      expect(new Date(body.nextRunAt!).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('refuses to retry a pending job (409) and an unknown one (404)', async () => {
      const conflict = await api<{ message: string }>(
        'POST',
        `/api/sync-jobs/${ids.pending}/retry`,
      );
      expect(conflict.status).toBe(409);
      expect(conflict.body.message).toContain('is pending');
      expect((await api('POST', '/api/sync-jobs/987654/retry')).status).toBe(404);
    });

    it('cancels a running job and refuses to cancel a finished one', async () => {
      const cancelled = await api<SyncJob>('POST', `/api/sync-jobs/${ids.running}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ state: 'cancelled', lockedBy: null });
      expect((await api('POST', `/api/sync-jobs/${ids.done}/cancel`)).status).toBe(409);
    });

    it('retries in bulk what matches the filter and answers the count', async () => {
      const none = await api<{ count: number }>('POST', '/api/sync-jobs/retry', {
        state: ['failed'],
        kind: 'no.such.kind',
      });
      expect(none).toEqual({ status: 200, body: { count: 0 } });
      const some = await api<{ count: number }>('POST', '/api/sync-jobs/retry', {
        state: ['failed', 'cancelled'],
      });
      expect(some.body).toEqual({ count: 2 });
      const states = await Promise.all(
        [ids.mapping, ids.running].map(async (id) => (await stack.gatewayClient.job(id)).state),
      );
      expect(states).toEqual(['pending', 'pending']);
      const invalid = await api<{ fields: string[] }>('POST', '/api/sync-jobs/retry', {
        state: 'sleeping',
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields).toEqual(['state']);
    });
  });

  it('counts jobs per state and per kind', async () => {
    const { body } = await api<{
      total: number;
      byState: Record<string, number>;
      byKind: Record<string, Record<string, number>>;
    }>('GET', '/api/sync-jobs/stats');
    expect(body.total).toBe(5);
    expect(body.byState).toEqual({
      pending: 4,
      running: 0,
      done: 1,
      failed: 0,
      dead: 0,
      cancelled: 0,
    });
    expect(body.byKind['contact.sync']).toEqual({ done: 1, pending: 1 });
  });
});
