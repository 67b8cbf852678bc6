import { returningRows } from '@app/common';
import { ExactErrorBudgetExceededError, ExactRateLimitedError } from '../http/exact-errors';
import {
  EXACT_BUDGET_DEFAULTS,
  ExactBudget,
  ExactBudgetOptions,
  countsAsExactError,
  observedWindows,
} from './exact-budget';

/** Runs SQL (a TypeORM DataSource or EntityManager, a pg Pool). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface ExactBudgetSnapshot {
  minutelyLimit: number;
  dailyLimit: number;
  /** Calls left today as last counted; null when this division has not been called yet. */
  dailyRemaining: number | null;
}

interface BudgetRow {
  minutely_remaining: number;
  minutely_reset_at: Date;
  daily_remaining: number;
  daily_reset_at: Date;
}

/** Start of the next window of `$n` ms after now(), in SQL. */
const nextWindow = (param: string) =>
  `to_timestamp((floor(extract(epoch from now()) * 1000 / ${param}) + 1) * ${param} / 1000.0)`;
const NEXT_DAY = `(date_trunc('day', now() AT TIME ZONE 'UTC') + interval '1 day') AT TIME ZONE 'UTC'`;

/**
 * The budget kept in PostgreSQL, so that every process of every service draws on the same counts:
 * one atomic upsert per call reserves a unit of the minutely and daily windows (or finds none left);
 * Exact's headers then correct the counts and reset times. Errors per endpoint are logged with their
 * time and counted over the last hour.
 */
export class PostgresExactBudget implements ExactBudget {
  private readonly options: ExactBudgetOptions;

  constructor(
    private readonly db: SqlRunner,
    options: Partial<ExactBudgetOptions> = {},
  ) {
    this.options = { ...EXACT_BUDGET_DEFAULTS, ...options };
  }

  /** What is known of a division's limits now (defaults until Exact has answered once). */
  async snapshot(division: number): Promise<ExactBudgetSnapshot> {
    const [state] = returningRows<BudgetRow & { minutely_limit: number; daily_limit: number }>(
      await this.db.query(`SELECT * FROM exact_rate_budget WHERE division = $1`, [division]),
    );
    if (!state)
      return {
        minutelyLimit: this.options.minutelyLimit,
        dailyLimit: this.options.dailyLimit,
        dailyRemaining: null,
      };
    const dayOver = new Date(state.daily_reset_at).getTime() <= Date.now();
    return {
      minutelyLimit: state.minutely_limit,
      dailyLimit: state.daily_limit,
      dailyRemaining: dayOver ? state.daily_limit : Math.max(0, state.daily_remaining),
    };
  }

  async acquire(division: number, endpoint: string): Promise<void> {
    await this.checkErrorBudget(division, endpoint);
    for (;;) {
      const reserved = returningRows<BudgetRow>(
        await this.db.query(this.reserveSql, [
          division,
          this.options.minutelyLimit,
          this.options.dailyLimit,
          this.options.windowMs,
          this.options.clockSkewMs,
        ]),
      );
      if (reserved.length === 1) return;
      const [state] = returningRows<BudgetRow>(
        await this.db.query(`SELECT * FROM exact_rate_budget WHERE division = $1`, [division]),
      );
      const dailyExhausted = state.daily_remaining <= 0;
      const resetAt = new Date(
        new Date(dailyExhausted ? state.daily_reset_at : state.minutely_reset_at).getTime() +
          this.options.clockSkewMs,
      );
      const waitMs = resetAt.getTime() - Date.now();
      const window = dailyExhausted ? 'daily' : 'minutely';
      if (waitMs > this.options.maxWaitMs) {
        throw new ExactRateLimitedError(
          `division ${division}: the ${window} Exact budget is used up until ${resetAt.toISOString()}; not calling ${endpoint}`,
          window,
          resetAt,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(waitMs, 10)));
    }
  }

  async record(
    division: number,
    endpoint: string,
    status: number | null,
    headers: Headers | null,
  ): Promise<void> {
    const { minutely, daily } = headers
      ? observedWindows(headers)
      : { minutely: null, daily: null };
    await this.db.query(
      `UPDATE exact_rate_budget SET in_flight = GREATEST(in_flight - 1, 0), updated_at = now() WHERE division = $1`,
      [division],
    );
    if (minutely)
      await this.db.query(this.observeSql('minutely'), [
        division,
        minutely.limit,
        minutely.remaining,
        minutely.resetAt,
      ]);
    if (daily)
      await this.db.query(this.observeSql('daily'), [
        division,
        daily.limit,
        daily.remaining,
        daily.resetAt,
      ]);
    if (status !== null && countsAsExactError(status)) {
      await this.db.query(
        `INSERT INTO exact_error_log (division, endpoint, status) VALUES ($1, $2, $3)`,
        [division, endpoint, status],
      );
      await this.db.query(`DELETE FROM exact_error_log WHERE at < now() - interval '2 hours'`);
    }
  }

  private async checkErrorBudget(division: number, endpoint: string): Promise<void> {
    const [window] = returningRows<{ errors: number; oldest: Date | null }>(
      await this.db.query(
        `SELECT count(*)::int AS errors, min(at) AS oldest FROM exact_error_log
          WHERE division = $1 AND endpoint = $2 AND at > now() - interval '1 hour'`,
        [division, endpoint],
      ),
    );
    if (window.errors >= this.options.errorThreshold) {
      const retryAt = new Date(new Date(window.oldest!).getTime() + 3_600_000);
      throw new ExactErrorBudgetExceededError(
        `division ${division}: ${window.errors} errors on ${endpoint} in the last hour; not calling it again before ${retryAt.toISOString()} (Exact blocks the app at 10)`,
        retryAt,
      );
    }
  }

  private readonly reserveSql = `
    INSERT INTO exact_rate_budget AS b
           (division, minutely_limit, minutely_remaining, minutely_reset_at, daily_limit, daily_remaining, daily_reset_at, in_flight)
    VALUES ($1, $2, $2 - 1, ${nextWindow('$4')}, $3, $3 - 1, ${NEXT_DAY}, 1)
    ON CONFLICT (division) DO UPDATE SET
      minutely_remaining = (CASE WHEN b.minutely_reset_at + $5 * interval '1 millisecond' <= now() THEN b.minutely_limit ELSE b.minutely_remaining END) - 1,
      minutely_reset_at  = CASE WHEN b.minutely_reset_at + $5 * interval '1 millisecond' <= now() THEN ${nextWindow('$4')} ELSE b.minutely_reset_at END,
      daily_remaining    = (CASE WHEN b.daily_reset_at + $5 * interval '1 millisecond' <= now() THEN b.daily_limit ELSE b.daily_remaining END) - 1,
      daily_reset_at     = CASE WHEN b.daily_reset_at + $5 * interval '1 millisecond' <= now() THEN ${NEXT_DAY} ELSE b.daily_reset_at END,
      -- calls on their way; a count left by a crashed process is forgotten once the division is idle
      in_flight          = CASE WHEN b.updated_at < now() - interval '2 minutes' THEN 1 ELSE b.in_flight + 1 END,
      updated_at = now()
    WHERE (b.minutely_reset_at + $5 * interval '1 millisecond' <= now() OR b.minutely_remaining > 0)
      AND (b.daily_reset_at + $5 * interval '1 millisecond' <= now() OR b.daily_remaining > 0)
    RETURNING minutely_remaining, daily_remaining`;

  /**
   * Exact's count is the truth for its window, except for calls still on their way that Exact may
   * not have counted yet: within the same window the lower of our count and Exact's minus those
   * calls wins — our count first moved by the difference between the limit Exact reports and the
   * one we assumed, so a higher limit is usable at once; a newer window replaces ours.
   */
  private observeSql(window: 'minutely' | 'daily'): string {
    return `
      UPDATE exact_rate_budget SET
        ${window}_limit = $2,
        ${window}_remaining = CASE WHEN ${window}_reset_at = $4
          THEN LEAST(${window}_remaining + ($2 - ${window}_limit), $3 - in_flight)
          ELSE $3 - in_flight END,
        ${window}_reset_at = $4,
        updated_at = now()
      WHERE division = $1 AND ${window}_reset_at <= $4`;
  }
}
