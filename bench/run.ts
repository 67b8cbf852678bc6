import { createLogger, runProcess } from '@app/common';
import { SyncJobQueue, SyncQueueModule, runMigrations } from '@app/sync-queue';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * `npm run bench`: the sync queue's throughput on this machine's PostgreSQL, in a throw-away
 * database — enqueue rate, and claim + complete rate with 8 concurrent workers over a table that
 * already holds 100,000 finished jobs. Targets from docs/benchmarks.md.
 */
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HISTORY = 100_000;
const JOBS = 10_000;
const WORKERS = 8;
const BATCH = 10;

runProcess('bench', async () => {
  const log = createLogger('bench', 'log');
  const name = `connector_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    await runMigrations(url.toString());
    const app = await NestFactory.createApplicationContext(
      SyncQueueModule.forRoot({
        databaseUrl: url.toString(),
        poolSize: WORKERS + 2,
        maxAttempts: 8,
        backoff: { baseMs: 1000, capMs: 60_000 },
      }),
      { logger: false },
    );
    const queue = app.get(SyncJobQueue);
    const db = app.get(DataSource);

    await db.query(
      `INSERT INTO sync_job (kind, direction, source_ref, dedup_key, state, max_attempts, next_run_at, finished_at)
       SELECT 'contact.sync', 'odoo_to_exact', 'res.partner/' || g, 'history:' || g, 'done', 8, NULL, now()
         FROM generate_series(1, $1) g`,
      [HISTORY],
    );
    await db.query('ANALYZE sync_job');

    let started = performance.now();
    for (let i = 0; i < JOBS; i++) {
      await queue.enqueue({
        kind: 'contact.sync',
        direction: 'odoo_to_exact',
        connectionId: null,
        sourceRef: `res.partner/${i}`,
        dedupKey: `bench:${i}`,
      });
    }
    const enqueueRate = JOBS / ((performance.now() - started) / 1000);

    const claimLatencies: number[] = [];
    started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        for (;;) {
          const before = performance.now();
          const jobs = await queue.claim(`bench-${w}`, ['contact.sync'], BATCH, 30_000);
          claimLatencies.push(performance.now() - before);
          if (jobs.length === 0) return;
          for (const job of jobs)
            await queue.settleSucceeded(job, `bench-${w}`, { result: {}, label: null }, []);
        }
      }),
    );
    const cycleRate = JOBS / ((performance.now() - started) / 1000);
    const [{ done }] = await db.query(
      `SELECT count(*)::int AS done FROM sync_job WHERE state = 'done' AND dedup_key LIKE 'bench:%'`,
    );
    await app.close();

    claimLatencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      claimLatencies[
        Math.min(claimLatencies.length - 1, Math.floor((p / 100) * claimLatencies.length))
      ];
    const rows = [
      ['enqueue, one job per statement', `${enqueueRate.toFixed(0)} jobs/s`, '≥ 1,000/s'],
      [
        `claim + complete, ${WORKERS} workers, batches of ${BATCH}, ${HISTORY.toLocaleString('en')} rows of history`,
        `${cycleRate.toFixed(0)} jobs/s`,
        '≥ 300/s (strong ≥ 1,000/s)',
      ],
      [
        'claim query latency p50 / p99',
        `${percentile(50).toFixed(1)} / ${percentile(99).toFixed(1)} ms`,
        'p99 ≤ 25 ms',
      ],
      ['jobs completed exactly once', `${done} of ${JOBS}`, `${JOBS} of ${JOBS}`],
    ];
    for (const [what, measured, target] of rows) log.log(`${what}: ${measured} (target ${target})`);
    if (done !== JOBS) throw new Error('not every job was completed exactly once');
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
