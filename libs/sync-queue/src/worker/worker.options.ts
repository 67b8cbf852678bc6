import type { ConsumingService } from '@app/contracts';

export const SYNC_WORKER_OPTIONS = Symbol('SYNC_WORKER_OPTIONS');

export interface SyncWorkerOptions {
  /** The service this worker belongs to; also its inbox consumer name. */
  service: ConsumingService;
  pollIntervalMs: number;
  maintenanceIntervalMs: number;
  claimBatch: number;
  concurrency: number;
  leaseMs: number;
  /** How long shutdown waits for running jobs before leaving them to lease expiry. */
  shutdownGraceMs?: number;
}
