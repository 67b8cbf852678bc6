import type { BackoffPolicy } from './jobs/backoff';

export const SYNC_QUEUE_OPTIONS = Symbol('SYNC_QUEUE_OPTIONS');

export interface SyncQueueOptions {
  databaseUrl: string;
  /** Connections in this process's pool. */
  poolSize?: number;
  /** Attempts a new job gets unless its enqueuer says otherwise. */
  maxAttempts: number;
  backoff: BackoffPolicy;
}
