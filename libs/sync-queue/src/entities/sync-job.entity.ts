import type { ErrorClass } from '@app/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { JobDirection, JobState } from '../jobs/job-state';

/** One unit of work. State changes go through SyncJobQueue only. */
@Entity('sync_job')
export class SyncJobEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'connection_id', type: 'uuid', nullable: true })
  connectionId: string | null;

  /** What to do, e.g. 'contact.sync'; the service that owns the prefix runs it. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  direction: JobDirection;

  @Column({ name: 'source_model', type: 'text', nullable: true })
  sourceModel: string | null;

  @Column({ name: 'source_id', type: 'text', nullable: true })
  sourceId: string | null;

  /** Stable human reference of the source record, e.g. 'res.partner/42'. */
  @Column({ name: 'source_ref', type: 'text' })
  sourceRef: string;

  /** What the record is called (filled in once it has been read), for searching. */
  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Column({ name: 'dedup_key', type: 'text' })
  dedupKey: string;

  @Column({ type: 'text' })
  state: JobState;

  @Column({ type: 'smallint' })
  priority: number;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts: number;

  /** When a pending job may run, or a failed one is retried; null = waits for an operator. */
  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt: Date | null;

  @Column({ name: 'locked_by', type: 'text', nullable: true })
  lockedBy: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  /** A newer event arrived while the job ran: run it once more afterwards. */
  @Column({ name: 'rerun_requested', type: 'boolean' })
  rerunRequested: boolean;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'error_class', type: 'text', nullable: true })
  errorClass: ErrorClass | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  /** The event id (or request id) that caused the job. */
  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
