/** A job a worker holds the lease of, as handed to its handler. */
export interface ClaimedJob {
  id: string;
  attemptId: string;
  kind: string;
  connectionId: string | null;
  sourceModel: string | null;
  sourceId: string | null;
  sourceRef: string;
  payload: Record<string, unknown>;
  /** This attempt's number (1 = first run since the job was created or last retried by an operator). */
  attempts: number;
  maxAttempts: number;
  correlationId: string | null;
}

export interface ClaimedJobRow {
  id: string;
  attempt_id: string;
  kind: string;
  connection_id: string | null;
  source_model: string | null;
  source_id: string | null;
  source_ref: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  correlation_id: string | null;
}

export function toClaimedJob(row: ClaimedJobRow): ClaimedJob {
  return {
    id: String(row.id),
    attemptId: String(row.attempt_id),
    kind: row.kind,
    connectionId: row.connection_id,
    sourceModel: row.source_model,
    sourceId: row.source_id,
    sourceRef: row.source_ref,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    correlationId: row.correlation_id,
  };
}
