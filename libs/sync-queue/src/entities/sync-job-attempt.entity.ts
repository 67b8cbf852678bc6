import type { ErrorClass, RemoteCall } from '@app/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptOutcome } from '../jobs/job-state';

/** One run of a job: who ran it, how it ended, and which remote calls it made. */
@Entity('sync_job_attempt')
export class SyncJobAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'job_id', type: 'bigint' })
  jobId: string;

  @Column({ name: 'attempt_no', type: 'integer' })
  attemptNo: number;

  @Column({ name: 'worker_id', type: 'text' })
  workerId: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: AttemptOutcome | null;

  @Column({ name: 'error_class', type: 'text', nullable: true })
  errorClass: ErrorClass | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'remote_calls', type: 'jsonb' })
  remoteCalls: RemoteCall[];
}
