/** A sync job as the admin API shows it. */
export interface SyncJobView {
  id: string;
  kind: string;
  direction: string;
  connectionId: string | null;
  sourceModel: string | null;
  sourceId: string | null;
  sourceRef: string;
  label: string | null;
  state: string;
  attempts: number;
  maxAttempts: number;
  nextRunAt: Date | null;
  lockedBy: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
  errorClass: string | null;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  correlationId: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface SyncJobAttemptView {
  id: string;
  attemptNo: number;
  workerId: string;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string | null;
  errorClass: string | null;
  errorMessage: string | null;
  remoteCalls: unknown[];
}

/** A sync_job row as PostgreSQL returns it. */
export interface SyncJobRow {
  id: string;
  kind: string;
  direction: string;
  connection_id: string | null;
  source_model: string | null;
  source_id: string | null;
  source_ref: string;
  label: string | null;
  state: string;
  attempts: number;
  max_attempts: number;
  next_run_at: Date | null;
  locked_by: string | null;
  lease_expires_at: Date | null;
  last_error: string | null;
  error_class: string | null;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  correlation_id: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export interface SyncJobAttemptRow {
  id: string;
  attempt_no: number;
  worker_id: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: string | null;
  error_class: string | null;
  error_message: string | null;
  remote_calls: unknown[];
}

export function toSyncJobView(row: SyncJobRow): SyncJobView {
  return {
    id: String(row.id),
    kind: row.kind,
    direction: row.direction,
    connectionId: row.connection_id,
    sourceModel: row.source_model,
    sourceId: row.source_id,
    sourceRef: row.source_ref,
    label: row.label,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    nextRunAt: row.next_run_at,
    lockedBy: row.locked_by,
    leaseExpiresAt: row.lease_expires_at,
    lastError: row.last_error,
    errorClass: row.error_class,
    payload: row.payload,
    result: row.result,
    correlationId: row.correlation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export function toAttemptView(row: SyncJobAttemptRow): SyncJobAttemptView {
  return {
    id: String(row.id),
    attemptNo: row.attempt_no,
    workerId: row.worker_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    remoteCalls: row.remote_calls,
  };
}
