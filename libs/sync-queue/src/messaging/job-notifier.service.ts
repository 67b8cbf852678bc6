import { EXACT_SYNC_EXCHANGE, SyncJobReady, syncJobReadyPattern } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClientRMQ } from '@nestjs/microservices';
import { lastValueFrom, timeout } from 'rxjs';

export const EXACT_SYNC_CLIENT = Symbol('EXACT_SYNC_CLIENT');

/**
 * Tells the owning service that a job is due now. Best effort: the job is already pending in the
 * database, so a lost message only means it runs at the worker's next poll instead of at once.
 */
@Injectable()
export class JobNotifier {
  private readonly log = new Logger(JobNotifier.name);

  constructor(@Inject(EXACT_SYNC_CLIENT) private readonly client: ClientRMQ) {}

  async jobsReady(jobs: { id: string; kind: string }[]): Promise<void> {
    const firstPerKind = new Map(jobs.map((job) => [job.kind, job.id]));
    for (const [kind, jobId] of firstPerKind) {
      const message: SyncJobReady = { jobId, kind };
      try {
        await lastValueFrom(
          this.client.emit(syncJobReadyPattern(kind), message).pipe(timeout(3000)),
          { defaultValue: undefined },
        );
      } catch (error) {
        this.log.warn(
          `could not announce job ${jobId} on ${EXACT_SYNC_EXCHANGE}: ${describe(error)}; it runs at the next poll`,
        );
      }
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const inner = (error as { err?: { message?: string } })?.err;
  return inner?.message ?? String(error);
}
