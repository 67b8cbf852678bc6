import {
  ExactError,
  ExactForbiddenError,
  ExactNotFoundError,
  ExactRateLimitedError,
  ExactRejectedError,
  ExactUnauthorizedError,
  ExactUnavailableError,
} from './exact-errors';

const DATE_PATTERN = /^\/Date\((-?\d+)\)\/$/;

/** Parses an Exact JSON body; `/Date(ms)/` values become Dates (UTC calendar values). */
export function parseExactJson(text: string): unknown {
  return JSON.parse(text, (_key, value) => {
    if (typeof value === 'string') {
      const match = DATE_PATTERN.exec(value);
      if (match) return new Date(Number(match[1]));
    }
    return value;
  });
}

/** `error.message.value` of Exact's OData error body, or null when the body is not one. */
export function exactErrorMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: { value?: unknown } | string } };
    const message = parsed.error?.message;
    const value = typeof message === 'string' ? message : message?.value;
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  } catch {
    return null;
  }
}

export interface ExactHttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/** Turns a non-2xx answer into the typed error the caller (and the job queue) acts on. */
export function toExactError(
  answer: ExactHttpAnswer,
  request: string,
  now: Date = new Date(),
): ExactError {
  const message = exactErrorMessage(answer.body);
  const describe = (fallback: string) => `${request}: ${answer.status} ${message ?? fallback}`;
  switch (true) {
    case answer.status === 401:
      return new ExactUnauthorizedError(describe('unauthorized'), 401);
    case answer.status === 403:
      return new ExactForbiddenError(describe('forbidden'), answer.headers.get('reason'));
    case answer.status === 404:
      return new ExactNotFoundError(describe('not found'), 404);
    case answer.status === 429:
      return rateLimited(answer.headers, request, now);
    case answer.status >= 400 && answer.status < 500:
      return new ExactRejectedError(describe('rejected'), answer.status);
    // Exact answers some business-rule violations with 500 and a message ("Ongeldig: Dagboek").
    case answer.status === 500 && message !== null:
      return new ExactRejectedError(describe(''), answer.status);
    default:
      return new ExactUnavailableError(
        describe(answer.body.slice(0, 200) || 'no body'),
        answer.status,
      );
  }
}

/**
 * On a 429 Exact sends only the headers of the window that ran out: the minutely ones (reset at the
 * next whole minute) or the daily ones (reset at the start of the next day), resets in epoch ms.
 */
function rateLimited(headers: Headers, request: string, now: Date): ExactRateLimitedError {
  const minutelyReset = Number(headers.get('x-ratelimit-minutely-reset'));
  const minutelyRemaining = headers.get('x-ratelimit-minutely-remaining');
  const dailyReset = Number(headers.get('x-ratelimit-reset'));
  const daily =
    headers.get('x-ratelimit-remaining') === '0' || (minutelyRemaining === null && dailyReset > 0);
  if (daily && dailyReset > 0) {
    return new ExactRateLimitedError(
      `${request}: 429 daily limit reached`,
      'daily',
      new Date(dailyReset),
    );
  }
  const reset = minutelyReset > 0 ? new Date(minutelyReset) : nextMinute(now);
  return new ExactRateLimitedError(`${request}: 429 minutely limit reached`, 'minutely', reset);
}

function nextMinute(now: Date): Date {
  const next = new Date(now);
  next.setUTCSeconds(60, 0);
  return next;
}
