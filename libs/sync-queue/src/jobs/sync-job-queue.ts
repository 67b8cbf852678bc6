import { returningRows } from '@app/common';
import type { ClassifiedFailure, ErrorClass, RemoteCall } from '@app/common';
import type { RejectedMessage } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SYNC_QUEUE_OPTIONS } from '../sync-queue.options';
import type { SyncQueueOptions } from '../sync-queue.options';
import { ClaimedJob, ClaimedJobRow, toClaimedJob } from './claimed-job';
import type { FailureDecision } from './failure-decision';
import { JobFilter, jobFilterSql } from './job-filter';
import {
  ACTIVE_JOB_STATES,
  JobDirection,
  REJECTED_MESSAGE_KIND,
  RETRYABLE_BY_OPERATOR,
} from './job-state';

export interface EnqueueRequest {
  kind: string;
  direction: JobDirection;
  connectionId: string | null;
  sourceModel?: string;
  sourceId?: string;
  sourceRef: string;
  /** Identifies the work: while a job with this key has work ahead, enqueueing it again is a no-op. */
  dedupKey: string;
  payload?: Record<string, unknown>;
  correlationId?: string;
  maxAttempts?: number;
  priority?: number;
  runAt?: Date;
}

export interface EnqueueResult {
  id: string;
  /** False when a job with the same dedup key already had work ahead (no new job was made). */
  created: boolean;
}

export type OperatorActionResult =
  | { ok: true; id: string; kind: string }
  | { ok: false; reason: 'not_found' | 'wrong_state' | 'superseded'; detail: string };

const ACTIVE = `('${ACTIVE_JOB_STATES.join("','")}')`;
const ACTIVE_CONFLICT_TARGET = `(dedup_key) WHERE state IN ${ACTIVE}`;
const UNIQUE_VIOLATION = '23505';

/**
 * The sync queue's state machine: every change of a job's state is one of these statements, so the
 * transitions of the architecture page are all in this file.
 */
@Injectable()
export class SyncJobQueue {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SYNC_QUEUE_OPTIONS) private readonly options: SyncQueueOptions,
  ) {}

  /**
   * Adds a pending job, or finds the job that already has this work ahead. If that job is running,
   * it is asked to run once more when it ends, so a change made while it ran is not missed.
   * Pass the manager of an open transaction to enqueue atomically with other writes.
   */
  async enqueue(
    request: EnqueueRequest,
    manager: EntityManager = this.db.manager,
  ): Promise<EnqueueResult> {
    const rows: { id: string; created: boolean }[] = await manager.query(
      `INSERT INTO sync_job (connection_id, kind, direction, source_model, source_id, source_ref, dedup_key,
                             payload, correlation_id, max_attempts, priority, next_run_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, COALESCE($12, now()))
       ON CONFLICT ${ACTIVE_CONFLICT_TARGET}
       DO UPDATE SET rerun_requested = sync_job.rerun_requested OR sync_job.state = 'running'
       RETURNING id, (xmax = 0) AS created`,
      [
        request.connectionId,
        request.kind,
        request.direction,
        request.sourceModel ?? null,
        request.sourceId ?? null,
        request.sourceRef,
        request.dedupKey,
        request.payload ?? {},
        request.correlationId ?? null,
        request.maxAttempts ?? this.options.maxAttempts,
        request.priority ?? 0,
        request.runAt ?? null,
      ],
    );
    return { id: String(rows[0].id), created: rows[0].created };
  }

  /**
   * Claims up to `limit` due pending jobs of the given kinds for `workerId`: running, with a lease,
   * the attempt counted and an attempt row opened — in one statement. SKIP LOCKED lets any number
   * of workers claim side by side without waiting for or taking each other's jobs.
   */
  /** Several jobs in one transaction (the caller's, when given); answers each with its kind, for JobNotifier. */
  async enqueueAll(
    requests: EnqueueRequest[],
    manager?: EntityManager,
  ): Promise<(EnqueueResult & { kind: string })[]> {
    const enqueue = async (tx: EntityManager) => {
      const results: (EnqueueResult & { kind: string })[] = [];
      for (const request of requests)
        results.push({ ...(await this.enqueue(request, tx)), kind: request.kind });
      return results;
    };
    return manager ? enqueue(manager) : this.db.transaction(enqueue);
  }

  async claim(
    workerId: string,
    kinds: string[],
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedJob[]> {
    const rows: ClaimedJobRow[] = await this.db.query(
      `WITH picked AS (
         SELECT id FROM sync_job
          WHERE state = 'pending' AND next_run_at <= now() AND kind = ANY($1::text[])
          ORDER BY priority DESC, next_run_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE sync_job j
            SET state = 'running', attempts = j.attempts + 1, locked_by = $3,
                lease_expires_at = now() + $4 * interval '1 millisecond', updated_at = now()
           FROM picked WHERE j.id = picked.id
         RETURNING j.*
       ), attempt AS (
         INSERT INTO sync_job_attempt (job_id, attempt_no, worker_id)
         SELECT id, attempts, $3 FROM claimed
         RETURNING id AS attempt_id, job_id
       )
       SELECT claimed.*, attempt.attempt_id FROM claimed JOIN attempt ON attempt.job_id = claimed.id
       ORDER BY claimed.priority DESC, claimed.next_run_at, claimed.id`,
      [kinds, limit, workerId, leaseMs],
    );
    return rows.map(toClaimedJob);
  }

  /** Extends the leases `workerId` still holds; returns the ids it still holds. */
  async renewLeases(workerId: string, jobIds: string[], leaseMs: number): Promise<string[]> {
    if (jobIds.length === 0) return [];
    const rows = returningRows<{ id: string }>(
      await this.db.query(
        `UPDATE sync_job SET lease_expires_at = now() + $3 * interval '1 millisecond'
        WHERE id = ANY($1::bigint[]) AND locked_by = $2 AND state = 'running'
        RETURNING id`,
        [jobIds, workerId, leaseMs],
      ),
    );
    return rows.map((row) => String(row.id));
  }

  /** running → done. Returns false when the worker no longer held the job (cancelled or rescued). */
  async settleSucceeded(
    job: ClaimedJob,
    workerId: string,
    outcome: { result: Record<string, unknown>; label: string | null },
    calls: RemoteCall[],
  ): Promise<boolean> {
    return this.settle(job, workerId, calls, { attemptOutcome: 'succeeded' }, async (manager) => {
      await manager.query(
        `UPDATE sync_job
            SET state = 'done', result = $2, label = COALESCE($3, label), last_error = NULL, error_class = NULL,
                locked_by = NULL, lease_expires_at = NULL, next_run_at = NULL, rerun_requested = false,
                finished_at = now(), updated_at = now()
          WHERE id = $1`,
        [job.id, outcome.result, outcome.label],
      );
      return 'done';
    });
  }

  /** running → failed / pending / dead, as `decision` says. Returns false when the worker no longer held the job. */
  async settleFailed(
    job: ClaimedJob,
    workerId: string,
    failure: ClassifiedFailure,
    decision: FailureDecision,
    label: string | null,
    calls: RemoteCall[],
  ): Promise<boolean> {
    const attempt = { attemptOutcome: decision.attemptOutcome, failure };
    return this.settle(job, workerId, calls, attempt, async (manager) => {
      await manager.query(
        `UPDATE sync_job
            SET state = $2, next_run_at = $3, attempts = attempts - $4, last_error = $5, error_class = $6,
                label = COALESCE($7, label), locked_by = NULL, lease_expires_at = NULL,
                rerun_requested = CASE WHEN $2 = 'dead' THEN rerun_requested ELSE false END,
                finished_at = CASE WHEN $2 = 'dead' THEN now() ELSE NULL END, updated_at = now()
          WHERE id = $1`,
        [
          job.id,
          decision.state,
          decision.nextRunAt,
          decision.refundAttempt ? 1 : 0,
          failure.message,
          failure.errorClass,
          label,
        ],
      );
      return decision.state;
    });
  }

  private async settle(
    job: ClaimedJob,
    workerId: string,
    calls: RemoteCall[],
    attempt: { attemptOutcome: string; failure?: ClassifiedFailure },
    applyToJob: (manager: EntityManager) => Promise<string>,
  ): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const held: { rerun_requested: boolean }[] = await manager.query(
        `SELECT rerun_requested FROM sync_job WHERE id = $1 AND state = 'running' AND locked_by = $2 FOR UPDATE`,
        [job.id, workerId],
      );
      const stillHeld = held.length === 1;
      await manager.query(
        `UPDATE sync_job_attempt
            SET finished_at = now(), outcome = $2, error_class = $3, error_message = $4, remote_calls = $5
          WHERE id = $1`,
        [
          job.attemptId,
          stillHeld ? attempt.attemptOutcome : 'abandoned',
          attempt.failure?.errorClass ?? null,
          attempt.failure?.message ??
            (stillHeld ? null : 'the job was cancelled or rescued while this attempt ran'),
          JSON.stringify(calls),
        ],
      );
      if (!stillHeld) return false;
      const newState = await applyToJob(manager);
      // An event arrived while the job ran and the job is now final: run the work once more.
      if (held[0].rerun_requested && (newState === 'done' || newState === 'dead')) {
        await manager.query(
          `INSERT INTO sync_job (connection_id, kind, direction, source_model, source_id, source_ref, label,
                                 dedup_key, payload, correlation_id, max_attempts, priority)
           SELECT connection_id, kind, direction, source_model, source_id, source_ref, label,
                  dedup_key, payload, correlation_id, max_attempts, priority
             FROM sync_job WHERE id = $1
           ON CONFLICT ${ACTIVE_CONFLICT_TARGET} DO NOTHING`,
          [job.id],
        );
      }
      return true;
    });
  }

  /** Sets one key of a job's payload: what an attempt must remember for the next (a marker, an ID). */
  async setPayloadKey(id: string, key: string, value: unknown): Promise<void> {
    await this.db.query(
      `UPDATE sync_job SET payload = jsonb_set(payload, ARRAY[$2::text], $3::jsonb) WHERE id = $1`,
      [id, key, JSON.stringify(value)],
    );
  }

  /** Removes one key from a job's payload: a one-time hint, spent before the work acts on it. */
  async forgetPayloadKey(id: string, key: string): Promise<void> {
    await this.db.query(`UPDATE sync_job SET payload = payload - $2::text WHERE id = $1`, [
      id,
      key,
    ]);
  }

  /** failed → pending for every failed job whose backoff has passed. */
  async promoteDueRetries(): Promise<number> {
    const rows = returningRows(
      await this.db.query(
        `UPDATE sync_job SET state = 'pending', updated_at = now()
        WHERE state = 'failed' AND next_run_at <= now()
        RETURNING id`,
      ),
    );
    return rows.length;
  }

  /**
   * running → pending (or dead when it was the last attempt) for jobs whose worker stopped renewing
   * the lease: it crashed or hangs. The attempt it used counts as failed.
   */
  async rescueExpiredLeases(): Promise<{ id: string; state: string }[]> {
    const rows: { id: string; state: string }[] = await this.db.query(
      `WITH expired AS (
         SELECT id FROM sync_job
          WHERE state = 'running' AND lease_expires_at < now()
          FOR UPDATE SKIP LOCKED
       ), rescued AS (
         UPDATE sync_job j
            SET state = CASE WHEN j.attempts >= j.max_attempts THEN 'dead' ELSE 'pending' END,
                next_run_at = CASE WHEN j.attempts >= j.max_attempts THEN NULL ELSE now() END,
                finished_at = CASE WHEN j.attempts >= j.max_attempts THEN now() ELSE NULL END,
                last_error = 'worker ' || j.locked_by || ' stopped renewing its lease (crashed or stalled)',
                error_class = 'connector', locked_by = NULL, lease_expires_at = NULL, updated_at = now()
           FROM expired WHERE j.id = expired.id
         RETURNING j.id, j.state
       ), closed AS (
         UPDATE sync_job_attempt a
            SET finished_at = now(), outcome = 'lease_expired', error_class = 'connector',
                error_message = 'the lease expired before the attempt ended'
           FROM rescued WHERE a.job_id = rescued.id AND a.finished_at IS NULL
       )
       SELECT id, state FROM rescued`,
    );
    return rows.map((row) => ({ id: String(row.id), state: row.state }));
  }

  /** Operator: failed / dead / cancelled → pending, due now, with a fresh set of attempts. */
  async retry(id: string): Promise<OperatorActionResult> {
    try {
      const rows = returningRows<{ id: string; kind: string }>(
        await this.db.query(
          `UPDATE sync_job
            SET state = 'pending', attempts = 0, next_run_at = now(), finished_at = NULL, updated_at = now()
          WHERE id = $1 AND state = ANY($2::text[]) AND kind <> $3
          RETURNING id, kind`,
          [id, RETRYABLE_BY_OPERATOR, REJECTED_MESSAGE_KIND],
        ),
      );
      if (rows.length === 1) return { ok: true, id: String(rows[0].id), kind: rows[0].kind };
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        return {
          ok: false,
          reason: 'superseded',
          detail: 'a newer job for the same record is already queued',
        };
      }
      throw error;
    }
    return this.explainRefusal(id, 'retried', RETRYABLE_BY_OPERATOR);
  }

  /**
   * Operator: retries every failed, dead or cancelled job matching `filter` (only the newest job per
   * record, and none whose record already has a newer job queued). Returns the retried jobs.
   */
  async retryMatching(filter: JobFilter): Promise<{ id: string; kind: string }[]> {
    const { where, params } = jobFilterSql(filter, 3);
    const statement = `
      WITH candidates AS (
        SELECT DISTINCT ON (j.dedup_key) j.id, j.dedup_key FROM sync_job j
         WHERE ${where} AND j.state = ANY($1::text[]) AND j.kind <> $2
         ORDER BY j.dedup_key, j.id DESC
      )
      UPDATE sync_job t
         SET state = 'pending', attempts = 0, next_run_at = now(), finished_at = NULL, updated_at = now()
        FROM candidates c
       WHERE t.id = c.id
         AND NOT EXISTS (SELECT 1 FROM sync_job o
                          WHERE o.dedup_key = c.dedup_key AND o.id <> c.id AND o.state IN ${ACTIVE})
      RETURNING t.id, t.kind`;
    const run = async () =>
      returningRows<{ id: string; kind: string }>(
        await this.db.query(statement, [RETRYABLE_BY_OPERATOR, REJECTED_MESSAGE_KIND, ...params]),
      );
    let rows: { id: string; kind: string }[];
    try {
      rows = await run();
    } catch (error) {
      // A job for one of the records was enqueued between the check and the update: try once more.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      rows = await run();
    }
    return rows.map((row) => ({ id: String(row.id), kind: row.kind }));
  }

  /** Operator: pending / running / failed → cancelled. A running attempt's result is discarded. */
  async cancel(id: string): Promise<OperatorActionResult> {
    const rows = returningRows<{ id: string; kind: string }>(
      await this.db.query(
        `UPDATE sync_job
          SET state = 'cancelled', locked_by = NULL, lease_expires_at = NULL, next_run_at = NULL,
              rerun_requested = false, finished_at = now(), updated_at = now()
        WHERE id = $1 AND state IN ${ACTIVE}
        RETURNING id, kind`,
        [id],
      ),
    );
    if (rows.length === 1) return { ok: true, id: String(rows[0].id), kind: rows[0].kind };
    return this.explainRefusal(id, 'cancelled', ACTIVE_JOB_STATES);
  }

  /** A connection became usable again (authorized, division pinned): its waiting jobs are due now. */
  async releaseConnection(connectionId: string): Promise<{ id: string; kind: string }[]> {
    const rows = returningRows<{ id: string; kind: string }>(
      await this.db.query(
        `UPDATE sync_job SET next_run_at = now(), updated_at = now()
          WHERE connection_id = $1 AND state = 'pending' AND next_run_at > now()
          RETURNING id, kind`,
        [connectionId],
      ),
    );
    return rows.map((row) => ({ id: String(row.id), kind: row.kind }));
  }

  /** Records a message a service could not process as a dead job an operator can find. */
  async recordRejectedMessage(
    rejected: RejectedMessage & { errorClass: ErrorClass },
  ): Promise<string> {
    const reference = `${rejected.exchange || '(default exchange)'}/${rejected.routingKey}`;
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO sync_job (kind, direction, source_ref, dedup_key, state, attempts, max_attempts, next_run_at,
                             last_error, error_class, payload, correlation_id, finished_at)
       VALUES ($1, 'internal', $2, $3 || ':' || gen_random_uuid(), 'dead', 0, 1, NULL, $4, $5, $6, $7, now())
       RETURNING id`,
      [
        REJECTED_MESSAGE_KIND,
        reference,
        `${REJECTED_MESSAGE_KIND}:${rejected.queue}`,
        rejected.reason,
        rejected.errorClass,
        {
          queue: rejected.queue,
          exchange: rejected.exchange,
          routingKey: rejected.routingKey,
          messageId: rejected.messageId ?? null,
          body: rejected.body,
        },
        rejected.messageId ?? null,
      ],
    );
    return String(rows[0].id);
  }

  private async explainRefusal(
    id: string,
    verb: string,
    allowed: readonly string[],
  ): Promise<OperatorActionResult> {
    const rows: { state: string; kind: string }[] = await this.db.query(
      `SELECT state, kind FROM sync_job WHERE id = $1`,
      [id],
    );
    if (rows.length === 0)
      return { ok: false, reason: 'not_found', detail: `sync job ${id} does not exist` };
    if (rows[0].kind === REJECTED_MESSAGE_KIND && verb === 'retried') {
      return {
        ok: false,
        reason: 'wrong_state',
        detail: 'a rejected message cannot be retried: fix the producer and send the event again',
      };
    }
    return {
      ok: false,
      reason: 'wrong_state',
      detail: `sync job ${id} is ${rows[0].state}; only ${allowed.join(', ')} jobs can be ${verb}`,
    };
  }
}
