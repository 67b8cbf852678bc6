import { Inject, Injectable } from '@nestjs/common';
import { SandboxClock } from '../control/sandbox-clock';
import { SANDBOX_CONFIG, SandboxConfig } from '../sandbox.config';

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * Exact's per-division budgets: a fixed calendar minute (60 calls) and a UTC day (5,000 calls),
 * both configurable. Every answer carries the X-RateLimit-* headers (resets in epoch ms); a 429
 * carries only the headers of the window that ran out, as Exact does.
 */
@Injectable()
export class ExactRateLimiter {
  private readonly windows = new Map<
    number,
    { minute: number; minuteCount: number; day: number; dayCount: number }
  >();
  private limits: { minutely: number; daily: number };

  constructor(
    private readonly clock: SandboxClock,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    this.limits = this.defaults();
  }

  setLimits(limits: Partial<{ minutely: number; daily: number }>): void {
    this.limits = { ...this.limits, ...limits };
  }

  reset(): void {
    this.windows.clear();
    this.limits = this.defaults();
  }

  take(division: number): RateDecision {
    const now = this.clock.now().getTime();
    const minuteMs = this.config.SANDBOX_EXACT_MINUTE_MS;
    const minute = Math.floor(now / minuteMs);
    const day = Math.floor(now / 86_400_000);
    const state = this.windows.get(division) ?? { minute, minuteCount: 0, day, dayCount: 0 };
    if (state.minute !== minute) Object.assign(state, { minute, minuteCount: 0 });
    if (state.day !== day) Object.assign(state, { day, dayCount: 0 });
    this.windows.set(division, state);
    const minutely = {
      'X-RateLimit-Minutely-Limit': String(this.limits.minutely),
      'X-RateLimit-Minutely-Reset': String((minute + 1) * minuteMs),
    };
    const daily = {
      'X-RateLimit-Limit': String(this.limits.daily),
      'X-RateLimit-Reset': String((day + 1) * 86_400_000),
    };
    if (state.dayCount >= this.limits.daily) {
      return { allowed: false, headers: { ...daily, 'X-RateLimit-Remaining': '0' } };
    }
    if (state.minuteCount >= this.limits.minutely) {
      return { allowed: false, headers: { ...minutely, 'X-RateLimit-Minutely-Remaining': '0' } };
    }
    state.minuteCount++;
    state.dayCount++;
    return {
      allowed: true,
      headers: {
        ...daily,
        'X-RateLimit-Remaining': String(this.limits.daily - state.dayCount),
        ...minutely,
        'X-RateLimit-Minutely-Remaining': String(this.limits.minutely - state.minuteCount),
      },
    };
  }

  private defaults() {
    return {
      minutely: this.config.SANDBOX_EXACT_MINUTELY_LIMIT,
      daily: this.config.SANDBOX_EXACT_DAILY_LIMIT,
    };
  }
}
