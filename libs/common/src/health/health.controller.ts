import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** One dependency the process needs, e.g. the database or the broker; `check` answers whether it is up. */
export interface HealthCheck {
  name: string;
  check(): Promise<boolean>;
}

const CHECK_TIMEOUT_MS = 2000;

/** `GET /health`: 200 when every dependency answers, 503 naming the one that does not. */
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  async health(@Res() response: Response): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        const up = await Promise.race([
          check().catch(() => false),
          new Promise<boolean>((resolve) =>
            setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref(),
          ),
        ]);
        return [name, up ? 'up' : 'down'] as const;
      }),
    );
    const healthy = results.every(([, state]) => state === 'up');
    response
      .status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: healthy ? 'ok' : 'unavailable', ...Object.fromEntries(results) });
  }
}
