import { IsNotEmpty, IsString } from 'class-validator';

/** Tells the workers that own `kind` that a job is due now (after an operator's retry, say). */
export class SyncJobReady {
  @IsString()
  @IsNotEmpty()
  jobId: string;

  @IsString()
  @IsNotEmpty()
  kind: string;
}

/** Routing key of SyncJobReady for one job kind ('contact.sync' → 'sync.job.ready.contact.sync'). */
export function syncJobReadyPattern(kind: string): string {
  return `sync.job.ready.${kind}`;
}

/** What a worker service consumes: every SyncJobReady arriving on its queue. */
export const SYNC_JOB_READY_ANY = 'sync.job.ready.#';
