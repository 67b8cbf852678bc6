import {
  ClaimedJob,
  EnqueueRequest,
  SyncJobQueue,
  SyncQueueModule,
  decideAfterFailure,
} from '@app/sync-queue';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { TestDatabase, createTestDatabase } from '../support/infrastructure';

/** The queue's state machine against a real PostgreSQL. */
describe('sync job queue (PostgreSQL)', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let queue: SyncJobQueue;
  let db: DataSource;
  const backoff = { baseMs: 1000, capMs: 60_000 };
  let sequence = 0;

  const request = (over: Partial<EnqueueRequest> = {}): EnqueueRequest => {
    sequence++;
    return {
      kind: 'contact.sync',
      direction: 'odoo_to_exact',
      connectionId: null,
      sourceRef: `res.partner/${sequence}`,
      dedupKey: `test:${sequence}`,
      payload: { partnerId: sequence },
      ...over,
    };
  };
  const job = async (id: string) =>
    (await db.query(`SELECT * FROM sync_job WHERE id = $1`, [id]))[0];
  const attempts = async (id: string) =>
    db.query(`SELECT * FROM sync_job_attempt WHERE job_id = $1 ORDER BY id`, [id]);
  const claimOne = async (
    kinds = ['contact.sync'],
    worker = 'worker-a',
    leaseMs = 30_000,
  ): Promise<ClaimedJob> => {
    const [claimed] = await queue.claim(worker, kinds, 1, leaseMs);
    expect(claimed).toBeDefined();
    return claimed;
  };
  const failure = (over: object = {}) => ({
    errorClass: 'exact' as const,
    retryable: true,
    message: 'Exact said 500',
    ...over,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await NestFactory.createApplicationContext(
      SyncQueueModule.forRoot({ databaseUrl: database.url, maxAttempts: 3, backoff }),
      { logger: false },
    );
    queue = app.get(SyncJobQueue);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  beforeEach(async () => {
    await db.query(`TRUNCATE sync_job CASCADE`);
  });

  describe('enqueue', () => {
    it('creates a pending job, due now, with the default attempts', async () => {
      const { id, created } = await queue.enqueue(request());
      expect(created).toBe(true);
      expect(await job(id)).toMatchObject({
        state: 'pending',
        attempts: 0,
        max_attempts: 3,
        rerun_requested: false,
      });
    });

    it('is idempotent on the dedup key while the job has work ahead', async () => {
      const first = await queue.enqueue(request({ dedupKey: 'partner:1' }));
      const again = await queue.enqueue(request({ dedupKey: 'partner:1' }));
      expect(again).toEqual({ id: first.id, created: false });
      expect(await db.query(`SELECT count(*)::int AS n FROM sync_job`)).toEqual([{ n: 1 }]);
    });

    it('creates a new job once the previous one with the same key is final', async () => {
      const first = await queue.enqueue(request({ dedupKey: 'partner:2' }));
      const claimed = await claimOne();
      await queue.settleSucceeded(claimed, 'worker-a', { result: {}, label: null }, []);
      const second = await queue.enqueue(request({ dedupKey: 'partner:2' }));
      expect(second.created).toBe(true);
      expect(second.id).not.toBe(first.id);
    });

    it('asks a running job to run again, and runs it again after it succeeds', async () => {
      const { id } = await queue.enqueue(request({ dedupKey: 'partner:3' }));
      const claimed = await claimOne();
      const during = await queue.enqueue(request({ dedupKey: 'partner:3' }));
      expect(during).toEqual({ id, created: false });
      expect((await job(id)).rerun_requested).toBe(true);
      await queue.settleSucceeded(claimed, 'worker-a', { result: {}, label: 'Agrolait' }, []);
      const rows = await db.query(
        `SELECT id, state, label FROM sync_job WHERE dedup_key = 'partner:3' ORDER BY id`,
      );
      expect(rows.map((r: { state: string }) => r.state)).toEqual(['done', 'pending']);
      expect(rows[1].label).toBe('Agrolait');
    });

    it('joins the caller transaction: a rollback leaves no job', async () => {
      await expect(
        db.transaction(async (manager) => {
          await queue.enqueue(request({ dedupKey: 'partner:tx' }), manager);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(
        await db.query(`SELECT count(*)::int AS n FROM sync_job WHERE dedup_key = 'partner:tx'`),
      ).toEqual([{ n: 0 }]);
    });
  });

  describe('claim', () => {
    it('takes due jobs of the given kinds, counts the attempt, sets the lease and opens an attempt row', async () => {
      const due = await queue.enqueue(request());
      await queue.enqueue(request({ kind: 'invoice.sync' }));
      await queue.enqueue(request({ runAt: new Date(Date.now() + 60_000) }));
      const claimed = await queue.claim('worker-a', ['contact.sync'], 10, 30_000);
      expect(claimed.map((c) => c.id)).toEqual([due.id]);
      expect(claimed[0].attempts).toBe(1);
      const row = await job(due.id);
      expect(row).toMatchObject({ state: 'running', attempts: 1, locked_by: 'worker-a' });
      expect(new Date(row.lease_expires_at).getTime()).toBeGreaterThan(Date.now() + 25_000);
      expect(await attempts(due.id)).toEqual([
        expect.objectContaining({ attempt_no: 1, worker_id: 'worker-a', outcome: null }),
      ]);
    });

    it('never gives the same job to two concurrent claimers (SKIP LOCKED)', async () => {
      for (let i = 0; i < 120; i++) await queue.enqueue(request());
      const batches = await Promise.all(
        Array.from({ length: 6 }, (_, w) =>
          (async () => {
            const mine: string[] = [];
            for (;;) {
              const claimed = await queue.claim(`worker-${w}`, ['contact.sync'], 7, 30_000);
              if (claimed.length === 0) return mine;
              mine.push(...claimed.map((c) => c.id));
            }
          })(),
        ),
      );
      const all = batches.flat();
      expect(all).toHaveLength(120);
      expect(new Set(all).size).toBe(120);
      expect(batches.filter((b) => b.length > 0).length).toBeGreaterThan(1);
      expect(await db.query(`SELECT count(*)::int AS n FROM sync_job_attempt`)).toEqual([
        { n: 120 },
      ]);
    });
  });

  describe('settling an attempt', () => {
    it('running → done with the result and the remote calls on the attempt', async () => {
      const { id } = await queue.enqueue(request());
      const claimed = await claimOne();
      const calls = [
        {
          system: 'exact' as const,
          method: 'POST',
          target: '1001/crm/Accounts',
          status: 201,
          durationMs: 12,
        },
      ];
      expect(
        await queue.settleSucceeded(
          claimed,
          'worker-a',
          { result: { action: 'created' }, label: 'Agrolait' },
          calls,
        ),
      ).toBe(true);
      expect(await job(id)).toMatchObject({
        state: 'done',
        result: { action: 'created' },
        label: 'Agrolait',
        locked_by: null,
        lease_expires_at: null,
      });
      expect((await attempts(id))[0]).toMatchObject({ outcome: 'succeeded', remote_calls: calls });
    });

    it('running → failed with a backoff, then failed → pending once the backoff has passed', async () => {
      const { id } = await queue.enqueue(request());
      const claimed = await claimOne();
      const decision = decideAfterFailure(
        failure(),
        claimed.attempts,
        claimed.maxAttempts,
        new Date(),
        backoff,
      );
      await queue.settleFailed(claimed, 'worker-a', failure(), decision, null, []);
      const failed = await job(id);
      expect(failed).toMatchObject({
        state: 'failed',
        attempts: 1,
        last_error: 'Exact said 500',
        error_class: 'exact',
      });
      expect(new Date(failed.next_run_at).getTime()).toBeGreaterThan(Date.now());
      expect(await queue.promoteDueRetries()).toBe(0);
      await db.query(
        `UPDATE sync_job SET next_run_at = now() - interval '1 second' WHERE id = $1`,
        [id],
      );
      expect(await queue.promoteDueRetries()).toBe(1);
      expect((await job(id)).state).toBe('pending');
    });

    it('goes dead when the last attempt fails', async () => {
      const { id } = await queue.enqueue(request({ maxAttempts: 1 }));
      const claimed = await claimOne();
      const decision = decideAfterFailure(
        failure(),
        claimed.attempts,
        claimed.maxAttempts,
        new Date(),
        backoff,
      );
      await queue.settleFailed(claimed, 'worker-a', failure(), decision, null, []);
      expect(await job(id)).toMatchObject({ state: 'dead', next_run_at: null });
      expect((await job(id)).finished_at).not.toBeNull();
    });

    it('a mapping error waits for the operator and gives the attempt back', async () => {
      const { id } = await queue.enqueue(request());
      const claimed = await claimOne();
      const mapping = failure({
        errorClass: 'mapping',
        retryable: false,
        message: 'no VAT code for tax 21%',
      });
      await queue.settleFailed(
        claimed,
        'worker-a',
        mapping,
        decideAfterFailure(mapping, 1, 3, new Date(), backoff),
        null,
        [],
      );
      expect(await job(id)).toMatchObject({
        state: 'failed',
        attempts: 0,
        next_run_at: null,
        error_class: 'mapping',
      });
      expect(await queue.promoteDueRetries()).toBe(0);
      expect((await attempts(id))[0].outcome).toBe('waiting_for_operator');
    });

    it('a rate limit defers the job to the reset without counting the attempt', async () => {
      const { id } = await queue.enqueue(request());
      const claimed = await claimOne();
      const resetAt = new Date(Date.now() + 45_000);
      const limited = failure({ retryAt: resetAt, message: '429 minutely limit' });
      await queue.settleFailed(
        claimed,
        'worker-a',
        limited,
        decideAfterFailure(limited, 1, 3, new Date(), backoff),
        null,
        [],
      );
      const row = await job(id);
      expect(row).toMatchObject({ state: 'pending', attempts: 0 });
      expect(new Date(row.next_run_at).getTime()).toBe(resetAt.getTime());
    });
  });

  describe('lease rescue', () => {
    it('puts a job whose worker stopped renewing back to pending and counts the attempt', async () => {
      const { id } = await queue.enqueue(request());
      const claimed = await claimOne(['contact.sync'], 'crashed-worker', 50);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await queue.rescueExpiredLeases()).toEqual([{ id, state: 'pending' }]);
      expect(await job(id)).toMatchObject({
        state: 'pending',
        attempts: 1,
        locked_by: null,
        error_class: 'connector',
      });
      expect((await attempts(id))[0]).toMatchObject({ outcome: 'lease_expired' });
      // The crashed worker's late answer is discarded, and its attempt says so.
      expect(
        await queue.settleSucceeded(claimed, 'crashed-worker', { result: {}, label: null }, []),
      ).toBe(false);
      expect((await job(id)).state).toBe('pending');
      expect((await attempts(id))[0].outcome).toBe('abandoned');
      const again = await claimOne(['contact.sync'], 'worker-b');
      expect(again.attempts).toBe(2);
    });

    it('sends the job to dead when the lost attempt was its last', async () => {
      const { id } = await queue.enqueue(request({ maxAttempts: 1 }));
      await claimOne(['contact.sync'], 'crashed-worker', 50);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await queue.rescueExpiredLeases()).toEqual([{ id, state: 'dead' }]);
    });

    it('leaves a job alone while its worker renews the lease', async () => {
      const { id } = await queue.enqueue(request());
      await claimOne(['contact.sync'], 'live-worker', 300);
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await queue.renewLeases('live-worker', [id], 300)).toEqual([id]);
      }
      expect(await queue.rescueExpiredLeases()).toEqual([]);
      expect(await queue.renewLeases('another-worker', [id], 300)).toEqual([]);
    });
  });

  describe('operator actions', () => {
    /** A job that failed its only attempt; call it while no other job of its kind is pending. */
    const deadJob = async (over: Partial<EnqueueRequest> = {}) => {
      const { id } = await queue.enqueue(request({ maxAttempts: 1, ...over }));
      const claimed = await claimOne([over.kind ?? 'contact.sync']);
      expect(claimed.id).toBe(id);
      await queue.settleFailed(
        claimed,
        'worker-a',
        failure(),
        decideAfterFailure(failure(), 1, 1, new Date(), backoff),
        null,
        [],
      );
      return id;
    };

    it('retry puts a dead job back to pending, due now, with fresh attempts and its history kept', async () => {
      const id = await deadJob();
      expect(await queue.retry(id)).toEqual({ ok: true, id, kind: 'contact.sync' });
      const row = await job(id);
      expect(row).toMatchObject({ state: 'pending', attempts: 0, finished_at: null });
      expect(new Date(row.next_run_at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await attempts(id)).toHaveLength(1);
    });

    it('retry refuses jobs superseded by a newer one, pending jobs and unknown ids', async () => {
      const dead = await deadJob({ dedupKey: 'partner:super' });
      const { id: newer } = await queue.enqueue(request({ dedupKey: 'partner:super' }));
      expect(await queue.retry(dead)).toMatchObject({ ok: false, reason: 'superseded' });
      expect(await queue.retry(newer)).toMatchObject({ ok: false, reason: 'wrong_state' });
      expect(await queue.retry('999999')).toMatchObject({ ok: false, reason: 'not_found' });
    });

    it('cancel stops pending, running and failed jobs but not finished ones', async () => {
      const { id: pending } = await queue.enqueue(request());
      expect(await queue.cancel(pending)).toMatchObject({ ok: true });
      const { id: running } = await queue.enqueue(request());
      const claimed = await claimOne();
      expect(await queue.cancel(running)).toMatchObject({ ok: true });
      expect(
        await queue.settleSucceeded(claimed, 'worker-a', { result: {}, label: null }, []),
      ).toBe(false);
      expect((await job(running)).state).toBe('cancelled');
      expect(await queue.cancel(running)).toMatchObject({ ok: false, reason: 'wrong_state' });
      expect(await queue.retry(running)).toMatchObject({ ok: true });
    });

    it('bulk retry takes the newest job per record, matching the filter, and skips records with queued work', async () => {
      const a1 = await deadJob({ dedupKey: 'bulk:a', sourceRef: 'res.partner/a' });
      const a2 = await deadJob({ dedupKey: 'bulk:a', sourceRef: 'res.partner/a' });
      const b = await deadJob({ dedupKey: 'bulk:b', sourceRef: 'res.partner/b' });
      await deadJob({ dedupKey: 'bulk:c', sourceRef: 'res.partner/c' });
      await deadJob({ dedupKey: 'bulk:d', kind: 'invoice.sync' });
      await queue.enqueue(request({ dedupKey: 'bulk:c' }));
      const retried = await queue.retryMatching({ states: ['dead'], kind: 'contact.sync' });
      expect(retried.map((r) => r.id).sort()).toEqual([a2, b].sort());
      expect((await job(a1)).state).toBe('dead');
      expect(await queue.retryMatching({ states: ['dead'], text: 'partner/zzz' })).toEqual([]);
    });

    it('records a rejected message as a dead job that cannot be retried', async () => {
      const id = await queue.recordRejectedMessage({
        queue: 'contacts',
        exchange: 'odoo.events',
        routingKey: 'odoo.res.partner.updated',
        messageId: 'm-1',
        reason: 'the message body is not JSON',
        body: 'not json',
        errorClass: 'odoo',
      });
      expect(await job(id)).toMatchObject({
        state: 'dead',
        kind: 'message.rejected',
        error_class: 'odoo',
        last_error: 'the message body is not JSON',
      });
      expect(await queue.retry(id)).toMatchObject({ ok: false, reason: 'wrong_state' });
    });
  });
});
