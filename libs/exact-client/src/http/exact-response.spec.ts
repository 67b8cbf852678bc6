import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ExactForbiddenError,
  ExactNotFoundError,
  ExactRateLimitedError,
  ExactRejectedError,
  ExactUnauthorizedError,
  ExactUnavailableError,
} from './exact-errors';
import { exactErrorMessage, parseExactJson, toExactError } from './exact-response';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/exact', name), 'utf8');

describe('parsing Exact Online bodies (published responses)', () => {
  it('reads a collection with deferred navigation properties and /Date()/ values', () => {
    const body = parseExactJson(fixture('crm_accounts_list_deferred.json')) as {
      d: { results: Record<string, unknown>[] };
    };
    const account = body.d.results[0];
    expect(account.ID).toBe('71b961de-b9f3-49fe-883d-0f46c7e0e89b');
    expect(account.Code).toBe('                 8');
    expect(account.Created).toEqual(new Date(1382667872203));
    expect(account.BankAccounts).toEqual({
      __deferred: expect.objectContaining({ uri: expect.stringContaining('/BankAccounts') }),
    });
  });

  it('reads a single entity', () => {
    const body = parseExactJson(fixture('crm_account_single.json')) as {
      d: { Name: string; StartDate: Date };
    };
    expect(body.d.Name).toBe('Albex Winkelinrichting B.V.');
    expect(body.d.StartDate.toISOString()).toBe('2010-03-05T00:00:00.000Z');
  });

  it('reads the message of a real 400 body', () => {
    expect(exactErrorMessage(fixture('error_400_odata_unrecognized_guid_literal.json'))).toBe(
      "Unrecognized 'Edm.Guid' literal 'guid'dsadsds'' in '6'.",
    );
  });
});

describe(toExactError.name, () => {
  const now = new Date('2026-11-28T10:00:30Z');
  const answer = (status: number, body = '', headers: Record<string, string> = {}) => ({
    status,
    body,
    headers: new Headers(headers),
  });
  const odataError = (message: string) =>
    JSON.stringify({ error: { code: '', message: { lang: '', value: message } } });

  it.each([
    ['401', answer(401), ExactUnauthorizedError, true],
    [
      '403 with a Reason header',
      answer(403, '', { Reason: 'NoDivisionAccess' }),
      ExactForbiddenError,
      false,
    ],
    ['404', answer(404), ExactNotFoundError, false],
    [
      '400 with a message',
      answer(400, fixture('error_400_odata_unrecognized_guid_literal.json')),
      ExactRejectedError,
      false,
    ],
    [
      '500 with a business-rule message',
      answer(500, odataError('Ongeldig: Dagboek')),
      ExactRejectedError,
      false,
    ],
    ['500 without a message', answer(500, 'Internal Server Error'), ExactUnavailableError, true],
    ['503', answer(503), ExactUnavailableError, true],
    ['429', answer(429), ExactRateLimitedError, true],
  ])('%s', (_case, input, type, retryable) => {
    const error = toExactError(input, 'GET crm/Accounts', now);
    expect(error).toBeInstanceOf(type);
    expect(error.retryable).toBe(retryable);
    expect(error.errorClass).toBe('exact');
  });

  it('keeps the 403 reason in the message', () => {
    const error = toExactError(
      answer(403, '', { Reason: 'LicenseExpired' }),
      'GET x',
      now,
    ) as ExactForbiddenError;
    expect(error.reason).toBe('LicenseExpired');
    expect(error.message).toContain('Reason: LicenseExpired');
  });

  it('keeps the business message of a rejected request', () => {
    expect(
      toExactError(
        answer(500, odataError('Ongeldig: Dagboek')),
        'POST salesentry/SalesEntries',
        now,
      ).message,
    ).toContain('Ongeldig: Dagboek');
  });

  it('waits for the minutely reset on a minutely 429', () => {
    const error = toExactError(
      answer(429, '', {
        'X-RateLimit-Minutely-Limit': '60',
        'X-RateLimit-Minutely-Remaining': '0',
        'X-RateLimit-Minutely-Reset': '1683879540000',
      }),
      'GET x',
      now,
    ) as ExactRateLimitedError;
    expect(error.window).toBe('minutely');
    expect(error.retryAt).toEqual(new Date(1683879540000));
  });

  it('waits for the daily reset on a daily 429', () => {
    const error = toExactError(
      answer(429, '', {
        'X-RateLimit-Limit': '5000',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': '1683936000000',
      }),
      'GET x',
      now,
    ) as ExactRateLimitedError;
    expect(error.window).toBe('daily');
    expect(error.retryAt).toEqual(new Date(1683936000000));
  });

  it('waits until the next whole minute when a 429 carries no headers', () => {
    const error = toExactError(answer(429), 'GET x', now) as ExactRateLimitedError;
    expect(error.retryAt).toEqual(new Date('2026-11-28T10:01:00Z'));
  });
});
