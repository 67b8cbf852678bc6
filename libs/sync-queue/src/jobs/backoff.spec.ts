import { backoffDelayMs } from './backoff';

describe(backoffDelayMs.name, () => {
  const policy = { baseMs: 1000, capMs: 60_000 };

  it.each([
    // attempt, random, expected
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0, 1000],
    [2, 1, 2000],
    [3, 0.5, 3000],
    [6, 1, 32_000],
    [7, 1, 60_000], // 64 s capped at 60 s
    [20, 0, 30_000], // far beyond the cap: still at most the cap, at least half of it
    [20, 1, 60_000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelayMs(attempt, policy, () => random)).toBe(expected);
  });

  it('stays within [step/2, step] for real randomness', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const step = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelayMs(attempt, policy);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
  });

  it('spreads retries of jobs that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(5, policy)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
