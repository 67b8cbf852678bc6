/**
 * Exact Online's limits per app and division: 60 calls per calendar minute, 5,000 per day, and no
 * more than 10 errors per endpoint per hour (more blocks the app for an hour). A budget keeps the
 * client inside them: `acquire` before a call (it waits for a window to reset, or refuses), `record`
 * after the answer (Exact's X-RateLimit-* headers and error statuses).
 */
export interface ExactBudget {
  acquire(division: number, endpoint: string): Promise<void>;
  /** After every acquired call: its status and headers, or nulls when no answer came. */
  record(
    division: number,
    endpoint: string,
    status: number | null,
    headers: Headers | null,
  ): Promise<void>;
}

export interface ExactBudgetOptions {
  minutelyLimit: number;
  dailyLimit: number;
  /** Length of the minutely window (60,000 ms at Exact). */
  windowMs: number;
  /** Stop calling an endpoint once this many errors happened on it in the last hour (Exact blocks at 10). */
  errorThreshold: number;
  /** Wait in-process for a window this long at most; longer waits become a rate-limit error with the reset time. */
  maxWaitMs: number;
  /** Allowance for clocks that differ between us and Exact when a window ends. */
  clockSkewMs: number;
}

export const EXACT_BUDGET_DEFAULTS: ExactBudgetOptions = {
  minutelyLimit: 60,
  dailyLimit: 5000,
  windowMs: 60_000,
  errorThreshold: 9,
  maxWaitMs: 65_000,
  clockSkewMs: 1000,
};

/** What Exact's headers said about one window. */
export interface ObservedWindow {
  limit: number;
  remaining: number;
  resetAt: Date;
}

/** The minutely and daily windows in a response's X-RateLimit-* headers (absent ones are null). */
export function observedWindows(headers: Headers): {
  minutely: ObservedWindow | null;
  daily: ObservedWindow | null;
} {
  const read = (prefix: string): ObservedWindow | null => {
    const limit = headers.get(`${prefix}-limit`);
    const remaining = headers.get(`${prefix}-remaining`);
    const reset = headers.get(`${prefix}-reset`);
    if (remaining === null || reset === null) return null;
    return {
      limit: Number(limit ?? remaining),
      remaining: Number(remaining),
      resetAt: new Date(Number(reset)),
    };
  };
  return { minutely: read('x-ratelimit-minutely'), daily: read('x-ratelimit') };
}

/** Which errors count toward Exact's error limit: 4xx answers except 429 (400, 401, 403, 404 …). */
export function countsAsExactError(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429;
}
