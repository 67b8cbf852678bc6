import { ConnectorError, recordRemoteCall } from '@app/common';

export interface ExactOAuthClientOptions {
  /** Country host or EXACT_BASE_URL. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  timeoutMs?: number;
}

export interface ExactTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working (Exact: 600 s after it was issued). */
  accessExpiresAt: Date;
}

/**
 * Why the token endpoint said no, as the auth service must act on it:
 * - `old_refresh_token` (401 unauthorized_client "Old refresh token used."), `refresh_token_expired`
 *   (400 invalid_request) and `invalid_grant` need a new user consent;
 * - `too_early` (400 access_denied, Reason TooEarlyToRefreshTokens): wait until 570 s after the last token request;
 * - `invalid_client`: the app's credentials are wrong;
 * - `unavailable`: no usable answer; try again.
 */
export type ExactTokenErrorKind =
  | 'old_refresh_token'
  | 'refresh_token_expired'
  | 'invalid_grant'
  | 'too_early'
  | 'invalid_client'
  | 'unavailable';

export class ExactTokenError extends ConnectorError {
  readonly errorClass = 'exact';

  constructor(
    readonly kind: ExactTokenErrorKind,
    readonly status: number | null,
    message: string,
    /** A refresh token that came with the refusal anyway (reference §1.4: persist whatever you get). */
    readonly refreshToken: string | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'too_early' || this.kind === 'unavailable';
  }

  /** The chain is gone: only a new authorization by the user helps. */
  get needsReauthorization(): boolean {
    return (
      this.kind === 'old_refresh_token' ||
      this.kind === 'refresh_token_expired' ||
      this.kind === 'invalid_grant'
    );
  }
}

/** Exact's OAuth 2.0 endpoints: the authorize URL, the code exchange and the refresh. */
export class ExactOAuthClient {
  constructor(private readonly options: ExactOAuthClientOptions) {}

  authorizeUrl(state: string, forceLogin = false): string {
    const url = new URL(`${this.options.baseUrl}/api/oauth2/auth`);
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('redirect_uri', this.options.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('state', state);
    if (forceLogin) url.searchParams.set('force_login', '1');
    return url.toString();
  }

  /** Exchanges the callback's `code` (already URL-decoded; it may contain '!'), valid once and for 3 minutes. */
  exchangeCode(code: string): Promise<ExactTokens> {
    return this.request({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.options.redirectUri,
    });
  }

  /** Rotates the refresh token: the one passed in stops working as soon as this succeeds. */
  refresh(refreshToken: string): Promise<ExactTokens> {
    return this.request({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  private async request(grant: Record<string, string>): Promise<ExactTokens> {
    const form = new URLSearchParams({
      ...grant,
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
    });
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}/api/oauth2/token`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      recordRemoteCall({
        system: 'exact',
        method: 'POST',
        target: 'oauth2/token',
        status: 'no-response',
        durationMs: Date.now() - started,
      });
      throw new ExactTokenError(
        'unavailable',
        null,
        `the Exact token endpoint did not answer (${(error as Error).message})`,
      );
    }
    recordRemoteCall({
      system: 'exact',
      method: 'POST',
      target: 'oauth2/token',
      status: response.status,
      durationMs: Date.now() - started,
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: classified by status below
    }
    if (
      response.ok &&
      typeof body.access_token === 'string' &&
      typeof body.refresh_token === 'string'
    ) {
      // expires_in is a string ("600") at Exact.
      const expiresIn = Number(body.expires_in ?? 600);
      return {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        accessExpiresAt: new Date(Date.now() + expiresIn * 1000),
      };
    }
    throw toTokenError(response.status, body, response.headers.get('reason'));
  }
}

/** Maps a refusal of the token endpoint to what the caller must do (published Exact error bodies). */
export function toTokenError(
  status: number,
  body: Record<string, unknown>,
  reason: string | null,
): ExactTokenError {
  const code = typeof body.error === 'string' ? body.error : null;
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : null;
  const message = `Exact token endpoint: ${status} ${code ?? 'error'}${description ? `: ${description}` : ''}${reason ? ` (Reason: ${reason})` : ''}`;
  const kind: ExactTokenErrorKind =
    code === 'unauthorized_client' && /old refresh token/i.test(description)
      ? 'old_refresh_token'
      : code === 'access_denied' || reason?.startsWith('TooEarlyToRefreshTokens')
        ? 'too_early'
        : code === 'invalid_request'
          ? 'refresh_token_expired'
          : code === 'invalid_grant' || code === 'unauthorized_client'
            ? 'invalid_grant'
            : code === 'invalid_client'
              ? 'invalid_client'
              : 'unavailable';
  return new ExactTokenError(kind, status, message, refreshToken);
}
