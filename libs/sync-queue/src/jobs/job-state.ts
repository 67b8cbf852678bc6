/**
 * pending → running → done; running → failed → pending (automatic retry after a backoff) until
 * max_attempts, then dead; a permanent error goes to dead at once; a mapping error stays failed
 * until an operator retries; an operator cancels pending, running or failed jobs, and retries
 * failed, dead and cancelled ones (back to pending, processed at once).
 */
export const JOB_STATES = ['pending', 'running', 'done', 'failed', 'dead', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States in which a job still has work ahead; at most one job per dedup key may be in them. */
export const ACTIVE_JOB_STATES: readonly JobState[] = ['pending', 'running', 'failed'];
export const RETRYABLE_BY_OPERATOR: readonly JobState[] = ['failed', 'dead', 'cancelled'];
export const CANCELLABLE_BY_OPERATOR: readonly JobState[] = ['pending', 'running', 'failed'];

export const JOB_DIRECTIONS = ['odoo_to_exact', 'exact_to_odoo', 'internal'] as const;
export type JobDirection = (typeof JOB_DIRECTIONS)[number];

/** What one attempt ended with, as kept in its sync_job_attempt row. */
export const ATTEMPT_OUTCOMES = [
  'succeeded',
  'failed',
  'waiting_for_operator',
  'deferred',
  'lease_expired',
  'abandoned',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Kind of the dead job that records a message a service could not process. */
export const REJECTED_MESSAGE_KIND = 'message.rejected';
