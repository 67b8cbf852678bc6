import { classifyFailure, collectRemoteCalls } from '@app/common';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClaimedJob } from '../jobs/claimed-job';
import { decideAfterFailure } from '../jobs/failure-decision';
import { SyncJobQueue } from '../jobs/sync-job-queue';
import { SYNC_QUEUE_OPTIONS } from '../sync-queue.options';
import type { SyncQueueOptions } from '../sync-queue.options';
import { JOB_HANDLER_KIND, SyncJobHandler } from './job-handler';
import { SYNC_WORKER_OPTIONS } from './worker.options';
import type { SyncWorkerOptions } from './worker.options';

/**
 * Runs the jobs whose kinds this process has handlers for: claims due jobs in batches, runs up to
 * `concurrency` at once, renews their leases while they run, records each outcome through the
 * queue's state machine, and periodically promotes due retries and rescues jobs of dead workers.
 * It sleeps between polls and is woken at once by new work (events, operator retries).
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly log = new Logger(JobWorker.name);
  private readonly handlers = new Map<string, SyncJobHandler>();
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private wakeRequested = false;
  private wakeSleeper?: () => void;
  private loopDone?: Promise<void>;
  private heartbeat?: NodeJS.Timeout;
  private maintenance?: NodeJS.Timeout;
  private maintaining = false;

  constructor(
    private readonly queue: SyncJobQueue,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(SYNC_WORKER_OPTIONS) private readonly options: SyncWorkerOptions,
    @Inject(SYNC_QUEUE_OPTIONS) private readonly queueOptions: SyncQueueOptions,
  ) {}

  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const kind = wrapper.metatype
        ? this.reflector.get<string>(JOB_HANDLER_KIND, wrapper.metatype)
        : undefined;
      if (kind && wrapper.instance) {
        if (this.handlers.has(kind)) throw new Error(`two handlers for job kind '${kind}'`);
        this.handlers.set(kind, wrapper.instance as SyncJobHandler);
      }
    }
    if (this.handlers.size === 0) return;
    this.log.log(`worker ${this.workerId} runs ${this.kinds.join(', ')}`);
    this.heartbeat = setInterval(
      () => void this.renewLeases(),
      Math.max(250, Math.floor(this.options.leaseMs / 3)),
    );
    this.maintenance = setInterval(() => void this.maintain(), this.options.maintenanceIntervalMs);
    this.loopDone = this.loop();
  }

  /** Look for due jobs now instead of at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeSleeper?.();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.maintenance);
    this.wake();
    await this.loopDone;
    const grace = this.options.shutdownGraceMs ?? 10_000;
    const allDone = Promise.allSettled([...this.running.values()]);
    await Promise.race([allDone, new Promise((resolve) => setTimeout(resolve, grace).unref())]);
    if (this.running.size > 0) {
      this.log.warn(
        `${this.running.size} job(s) still running at shutdown; their leases will expire and another worker takes them`,
      );
    }
    clearInterval(this.heartbeat);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let claimedFullBatch = false;
      try {
        const free = this.options.concurrency - this.running.size;
        if (free > 0) {
          const limit = Math.min(free, this.options.claimBatch);
          const jobs = await this.queue.claim(
            this.workerId,
            this.kinds,
            limit,
            this.options.leaseMs,
          );
          for (const job of jobs) this.start(job);
          claimedFullBatch = jobs.length === limit;
        }
      } catch (error) {
        this.log.error(`polling for jobs failed: ${(error as Error).message}`);
      }
      if (!claimedFullBatch) await this.sleep(this.options.pollIntervalMs);
    }
  }

  /** Promotes failed jobs whose backoff has passed and rescues jobs of dead workers; wakes the loop if that made work due. */
  private async maintain(): Promise<void> {
    if (this.maintaining) return;
    this.maintaining = true;
    try {
      const promoted = await this.queue.promoteDueRetries();
      const rescued = await this.queue.rescueExpiredLeases();
      for (const job of rescued)
        this.log.warn(`job ${job.id}: its worker's lease expired; now ${job.state}`);
      if (promoted > 0 || rescued.length > 0) this.wake();
    } catch (error) {
      this.log.error(`queue maintenance failed: ${(error as Error).message}`);
    } finally {
      this.maintaining = false;
    }
  }

  private start(job: ClaimedJob): void {
    const run = this.execute(job).finally(() => {
      this.running.delete(job.id);
      this.wake();
    });
    this.running.set(job.id, run);
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind);
    let label: string | null = null;
    const { calls, outcome } = await collectRemoteCalls(async () => {
      if (!handler) throw new Error(`no handler for job kind '${job.kind}'`);
      return handler.handle(job, { setLabel: (value) => (label = value) });
    });
    try {
      if (outcome.status === 'fulfilled') {
        const held = await this.queue.settleSucceeded(
          job,
          this.workerId,
          { result: outcome.value ?? {}, label },
          calls,
        );
        if (!held)
          this.log.warn(
            `job ${job.id} finished after it was cancelled or rescued; its result was discarded`,
          );
        return;
      }
      const failure = classifyFailure(outcome.reason);
      const decision = decideAfterFailure(
        failure,
        job.attempts,
        job.maxAttempts,
        new Date(),
        this.queueOptions.backoff,
      );
      const held = await this.queue.settleFailed(
        job,
        this.workerId,
        failure,
        decision,
        label,
        calls,
      );
      this.log.warn(
        `job ${job.id} (${job.kind} ${job.sourceRef}) attempt ${job.attempts}: ${failure.errorClass} error: ${failure.message} → ${held ? decision.state : 'discarded'}`,
      );
    } catch (error) {
      this.log.error(
        `could not record the outcome of job ${job.id} (${(error as Error).message}); it is retried when its lease expires`,
      );
    }
  }

  private async renewLeases(): Promise<void> {
    const ids = [...this.running.keys()];
    if (ids.length === 0) return;
    try {
      const held = new Set(await this.queue.renewLeases(this.workerId, ids, this.options.leaseMs));
      for (const id of ids.filter((id) => !held.has(id) && this.running.has(id))) {
        this.log.warn(`job ${id} is no longer held by this worker (cancelled or rescued)`);
      }
    } catch (error) {
      this.log.error(`could not renew leases: ${(error as Error).message}`);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested || this.stopping) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        this.wakeRequested = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeSleeper = finish;
    });
  }
}
