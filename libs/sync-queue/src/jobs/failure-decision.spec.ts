import type { ClassifiedFailure } from '@app/common';
import { decideAfterFailure } from './failure-decision';

const now = new Date('2026-11-28T10:00:00Z');
const backoff = { baseMs: 1000, capMs: 60_000 };
const at = (ms: number) => new Date(now.getTime() + ms);
const failure = (over: Partial<ClassifiedFailure>): ClassifiedFailure => ({
  errorClass: 'exact',
  retryable: true,
  message: 'boom',
  ...over,
});

describe(decideAfterFailure.name, () => {
  it.each([
    [
      'a retryable Exact error on attempt 1 of 5',
      failure({}),
      1,
      5,
      { state: 'failed', nextRunAt: at(1000), refundAttempt: false, attemptOutcome: 'failed' },
    ],
    [
      'a retryable Exact error on attempt 3 of 5',
      failure({}),
      3,
      5,
      { state: 'failed', nextRunAt: at(4000), refundAttempt: false, attemptOutcome: 'failed' },
    ],
    [
      'a retryable error on the last attempt',
      failure({}),
      5,
      5,
      { state: 'dead', nextRunAt: null, refundAttempt: false, attemptOutcome: 'failed' },
    ],
    [
      'a permanent Odoo error on attempt 1',
      failure({ errorClass: 'odoo', retryable: false }),
      1,
      5,
      { state: 'dead', nextRunAt: null, refundAttempt: false, attemptOutcome: 'failed' },
    ],
    [
      'a mapping error',
      failure({ errorClass: 'mapping', retryable: false }),
      1,
      5,
      {
        state: 'failed',
        nextRunAt: null,
        refundAttempt: true,
        attemptOutcome: 'waiting_for_operator',
      },
    ],
    [
      'a decision for an operator (a payment re-opened in Exact)',
      failure({ errorClass: 'exact', retryable: false, waitsForOperator: true }),
      2,
      5,
      {
        state: 'failed',
        nextRunAt: null,
        refundAttempt: true,
        attemptOutcome: 'waiting_for_operator',
      },
    ],
    [
      'a mapping error on the last attempt',
      failure({ errorClass: 'mapping', retryable: false }),
      5,
      5,
      {
        state: 'failed',
        nextRunAt: null,
        refundAttempt: true,
        attemptOutcome: 'waiting_for_operator',
      },
    ],
    [
      'a rate limit with a reset time',
      failure({ retryAt: at(42_000) }),
      5,
      5,
      { state: 'pending', nextRunAt: at(42_000), refundAttempt: true, attemptOutcome: 'deferred' },
    ],
    [
      'an unexpected connector error',
      failure({ errorClass: 'connector' }),
      2,
      5,
      { state: 'failed', nextRunAt: at(2000), refundAttempt: false, attemptOutcome: 'failed' },
    ],
  ])('%s', (_case, input, attempts, maxAttempts, expected) => {
    // random() = 1 makes the jittered delay equal to the full exponential step
    expect(decideAfterFailure(input, attempts, maxAttempts, now, backoff, () => 1)).toEqual(
      expected,
    );
  });
});
