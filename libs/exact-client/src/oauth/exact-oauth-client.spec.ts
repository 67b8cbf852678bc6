import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTokenError } from './exact-oauth-client';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/exact', name), 'utf8'));

describe('token endpoint refusals (published Exact bodies)', () => {
  it.each([
    ['token_error_401_old_refresh_token.json', 401, null, 'old_refresh_token', true, false],
    [
      'token_error_400_too_early_to_refresh.json',
      400,
      'TooEarlyToRefreshTokens: Rate limit exceeded: access_token not expired',
      'too_early',
      false,
      true,
    ],
    ['token_error_400_refresh_token_expired.json', 400, null, 'refresh_token_expired', true, false],
    ['token_error_400_invalid_request.json', 400, null, 'refresh_token_expired', true, false],
    [
      'token_error_400_invalid_grant_chainid.json',
      400,
      'Unknown: Token is not allowed, because of invalid or empty chainId',
      'invalid_grant',
      true,
      false,
    ],
  ])('%s → %s', (file, status, reason, kind, reauthorize, retryable) => {
    const error = toTokenError(status, fixture(file), reason);
    expect(error.kind).toBe(kind);
    expect(error.needsReauthorization).toBe(reauthorize);
    expect(error.retryable).toBe(retryable);
    expect(error.errorClass).toBe('exact');
  });

  it('keeps a refresh token that came with a refusal', () => {
    expect(
      toTokenError(400, { error: 'access_denied', refresh_token: 'rt-2' }, null).refreshToken,
    ).toBe('rt-2');
  });

  it('treats a body it cannot read as unavailable', () => {
    expect(toTokenError(502, {}, null).kind).toBe('unavailable');
  });
});
