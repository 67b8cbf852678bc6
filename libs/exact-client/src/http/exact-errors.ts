import { ConnectorError } from '@app/common';

/** Any failure of an Exact Online request, with the HTTP status when there was an answer. */
export abstract class ExactError extends ConnectorError {
  readonly errorClass = 'exact';

  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** 401 that a renewed token did not cure. Retrying later may help once the token is renewed. */
export class ExactUnauthorizedError extends ExactError {
  readonly retryable = true;
}

/** 403: missing rights, scope, licence or division access; `reason` is Exact's Reason header. */
export class ExactForbiddenError extends ExactError {
  readonly retryable = false;
  constructor(
    message: string,
    readonly reason: string | null,
  ) {
    super(reason ? `${message} (Reason: ${reason})` : message, 403);
  }
}

export class ExactNotFoundError extends ExactError {
  readonly retryable = false;
}

/** Exact refused the request itself (400, or a 500 carrying a business-rule message): sending it again changes nothing. */
export class ExactRejectedError extends ExactError {
  readonly retryable = false;
}

/** 429: the minutely or daily budget of the division is used up until `retryAt`. */
export class ExactRateLimitedError extends ExactError {
  readonly retryable = true;
  override readonly retryAt: Date;
  constructor(
    message: string,
    readonly window: 'minutely' | 'daily',
    retryAt: Date,
  ) {
    super(message, 429);
    this.retryAt = retryAt;
  }
}

/** Exact could not answer (5xx without a business message, timeout, reset connection). */
export class ExactUnavailableError extends ExactError {
  readonly retryable = true;
}

/**
 * A non-idempotent request (POST) failed without an answer: Exact may or may not have created the
 * record. Look it up before creating it again.
 */
export class ExactOutcomeUnknownError extends ExactError {
  readonly retryable = true;
  readonly outcomeUnknown = true;
}

/** The client stopped calling an endpoint that had too many errors in the last hour (Exact would block the app). */
export class ExactErrorBudgetExceededError extends ExactError {
  readonly retryable = true;
  override readonly retryAt: Date;
  constructor(message: string, retryAt: Date) {
    super(message, null);
    this.retryAt = retryAt;
  }
}
