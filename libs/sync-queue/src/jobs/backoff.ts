export interface BackoffPolicy {
  /** Delay scale of the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

/**
 * Delay before retry number `attempt` (1 = after the first failed attempt): exponential, capped,
 * with "equal jitter" — half of the delay is fixed and half random, so retries never come sooner
 * than half the exponential step and replicas that failed together do not retry in lock-step.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
