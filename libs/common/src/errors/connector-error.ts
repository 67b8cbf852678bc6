/**
 * Where a failure comes from, as an operator reads it: a missing or wrong mapping (fix it and
 * retry), Odoo, Exact Online, or the connector itself (its database, broker, or a bug).
 */
export const ERROR_CLASSES = ['mapping', 'odoo', 'exact', 'connector'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** A failure that knows its class and whether trying again can help. */
export abstract class ConnectorError extends Error {
  abstract readonly errorClass: ErrorClass;
  abstract readonly retryable: boolean;
  /** When set, the work should wait until then without counting a failed attempt (rate limits). */
  readonly retryAt?: Date;
  /** Only a person can resolve it: the job waits for an operator's retry without using attempts. */
  readonly waitsForOperator: boolean = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The operator has to fix configuration (a mapping, a connection) before this can succeed.
 * The job waits for a manual retry and does not use up its attempts.
 */
export class MappingError extends ConnectorError {
  readonly errorClass = 'mapping';
  readonly retryable = false;
  override readonly waitsForOperator = true;
}

/**
 * Something a person has to decide (e.g. a payment Exact Online re-opened after Odoo recorded it):
 * the job waits for an operator, with the class of where the problem is.
 */
export class OperatorDecisionError extends ConnectorError {
  readonly retryable = false;
  override readonly waitsForOperator = true;

  constructor(
    message: string,
    readonly errorClass: ErrorClass,
  ) {
    super(message);
  }
}

/** Try again later, without counting a failed attempt (a rate-limit window, a connection not ready). */
export class RetryLaterError extends ConnectorError {
  readonly errorClass = 'connector';
  readonly retryable = true;
  override readonly retryAt: Date;

  constructor(message: string, retryAt: Date) {
    super(message);
    this.retryAt = retryAt;
  }
}

export interface ClassifiedFailure {
  errorClass: ErrorClass;
  retryable: boolean;
  retryAt?: Date;
  /** Waits for an operator (a mapping to fix, a decision to take) without using attempts. */
  waitsForOperator?: boolean;
  message: string;
}

/** Anything thrown while running a job, reduced to what the queue needs to decide what happens next. */
export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof ConnectorError) {
    return {
      errorClass: error.errorClass,
      retryable: error.retryable,
      retryAt: error.retryAt,
      waitsForOperator: error.waitsForOperator,
      message: error.message,
    };
  }
  // An unexpected exception is the connector's own problem; retrying with backoff is the safe default.
  const message = error instanceof Error ? error.message : String(error);
  return { errorClass: 'connector', retryable: true, message };
}
