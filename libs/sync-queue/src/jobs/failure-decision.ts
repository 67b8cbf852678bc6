import type { ClassifiedFailure } from '@app/common';
import { BackoffPolicy, backoffDelayMs } from './backoff';
import type { AttemptOutcome, JobState } from './job-state';

/** What a failed attempt does to its job. */
export interface FailureDecision {
  state: Extract<JobState, 'pending' | 'failed' | 'dead'>;
  /** When the job runs again by itself; null when it waits for an operator or is dead. */
  nextRunAt: Date | null;
  /** The attempt is given back: waiting for an operator or a rate-limit window is not a failure of the job. */
  refundAttempt: boolean;
  attemptOutcome: AttemptOutcome;
}

/**
 * The job state machine's answer to a failure:
 * - a failure that names a time to come back (rate limit, connection not ready) → pending then, attempt refunded;
 * - a mapping error (or anything else only a person can resolve) → failed, waiting for an operator
 *   to fix it and retry, attempt refunded;
 * - a permanent error → dead;
 * - a retryable error with attempts left → failed, retried automatically after a backoff;
 * - a retryable error on the last attempt → dead.
 */
export function decideAfterFailure(
  failure: ClassifiedFailure,
  attempts: number,
  maxAttempts: number,
  now: Date,
  backoff: BackoffPolicy,
  random: () => number = Math.random,
): FailureDecision {
  if (failure.retryAt) {
    return {
      state: 'pending',
      nextRunAt: failure.retryAt,
      refundAttempt: true,
      attemptOutcome: 'deferred',
    };
  }
  if (failure.waitsForOperator || failure.errorClass === 'mapping') {
    return {
      state: 'failed',
      nextRunAt: null,
      refundAttempt: true,
      attemptOutcome: 'waiting_for_operator',
    };
  }
  if (!failure.retryable || attempts >= maxAttempts) {
    return { state: 'dead', nextRunAt: null, refundAttempt: false, attemptOutcome: 'failed' };
  }
  const delay = backoffDelayMs(attempts, backoff, random);
  return {
    state: 'failed',
    nextRunAt: new Date(now.getTime() + delay),
    refundAttempt: false,
    attemptOutcome: 'failed',
  };
}
