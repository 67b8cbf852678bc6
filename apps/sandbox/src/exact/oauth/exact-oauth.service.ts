import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { SandboxClock } from '../../control/sandbox-clock';
import { SANDBOX_CONFIG, SandboxConfig } from '../../sandbox.config';
import { SANDBOX_USER_ID } from '../exact-store.service';

/** Exact's token rules (reference §1.3–1.4). */
export const CODE_LIFETIME_MS = 3 * 60_000;
export const ACCESS_TOKEN_LIFETIME_S = 600;
export const MIN_REFRESH_INTERVAL_MS = 570_000;
export const REFRESH_TOKEN_IDLE_LIFETIME_MS = 30 * 86_400_000;

/** Who a token acts for: the simulated user and the divisions they granted. */
export interface ExactSession {
  userId: string;
  clientId: string;
  divisions: number[];
  currentDivision: number;
}

interface Chain extends ExactSession {
  id: string;
  refreshToken: string;
  oldRefreshTokens: Set<string>;
  lastTokenRequestAt: number;
  revoked: boolean;
}

export interface TokenAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * The simulated Exact OAuth server: single-use codes valid 3 minutes, access tokens of 600 s
 * (`expires_in` as a string), refresh tokens rotated on every refresh, refresh refused within 570 s
 * of the previous token request, an old refresh token answered 401 `unauthorized_client`, an idle
 * refresh token expiring after 30 days, and one live chain per user and app.
 */
@Injectable()
export class ExactOAuth {
  private codes = new Map<
    string,
    { clientId: string; redirectUri: string; division: number; issuedAt: number; used: boolean }
  >();
  private chains = new Map<string, Chain>();
  private refreshTokens = new Map<string, string>();
  private accessTokens = new Map<string, { chainId: string; expiresAt: number }>();

  constructor(
    private readonly clock: SandboxClock,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  reset(): void {
    this.codes.clear();
    this.chains.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }

  /** The session an API call's bearer token stands for; static tokens from the config never expire. */
  session(token: string): ExactSession | 'expired' | null {
    if (this.config.SANDBOX_EXACT_ACCESS_TOKENS.includes(token)) {
      const divisions = this.config.SANDBOX_EXACT_DIVISIONS;
      return {
        userId: SANDBOX_USER_ID,
        clientId: this.config.SANDBOX_EXACT_CLIENT_ID,
        divisions,
        currentDivision: divisions[0],
      };
    }
    const access = this.accessTokens.get(token);
    if (!access) return null;
    const chain = this.chains.get(access.chainId);
    if (!chain || chain.revoked) return null;
    return this.now() >= access.expiresAt ? 'expired' : chain;
  }

  /** Checks an authorize request; answers the problem, or null when it may proceed. */
  checkAuthorizeRequest(query: Record<string, string | undefined>): string | null {
    if (query.client_id !== this.config.SANDBOX_EXACT_CLIENT_ID) return 'unknown client_id';
    if (!query.redirect_uri) return 'redirect_uri is required';
    if (query.response_type !== 'code') return "response_type must be 'code'";
    return null;
  }

  /** The user consented for `division`: a code to redirect with. */
  issueCode(clientId: string, redirectUri: string, division: number): string {
    // Real codes contain characters such as '!' that must be URL-decoded before the exchange.
    const code = `${randomBytes(24).toString('base64url')}!${randomBytes(6).toString('hex')}`;
    this.codes.set(code, { clientId, redirectUri, division, issuedAt: this.now(), used: false });
    return code;
  }

  /** POST /api/oauth2/token (form-encoded). */
  token(form: Record<string, string | undefined>): TokenAnswer {
    if (
      form.client_id !== this.config.SANDBOX_EXACT_CLIENT_ID ||
      form.client_secret !== this.config.SANDBOX_EXACT_CLIENT_SECRET
    ) {
      return error(400, 'invalid_client'); // UNCONFIRMED body
    }
    if (form.grant_type === 'authorization_code') return this.exchangeCode(form);
    if (form.grant_type === 'refresh_token') return this.refresh(form.refresh_token ?? '');
    return error(400, 'unsupported_grant_type');
  }

  private exchangeCode(form: Record<string, string | undefined>): TokenAnswer {
    const code = this.codes.get(form.code ?? '');
    // A second exchange of a code, an expired code or another redirect URI: 400 (body UNCONFIRMED).
    if (
      !code ||
      code.used ||
      this.now() - code.issuedAt > CODE_LIFETIME_MS ||
      code.redirectUri !== form.redirect_uri
    ) {
      return error(400, 'invalid_grant');
    }
    code.used = true;
    // Authorizing again kills the user's previous chain for this app.
    for (const chain of this.chains.values()) {
      if (chain.userId === SANDBOX_USER_ID && chain.clientId === code.clientId)
        chain.revoked = true;
    }
    const chain: Chain = {
      id: randomUUID(),
      userId: SANDBOX_USER_ID,
      clientId: code.clientId,
      divisions: this.config.SANDBOX_EXACT_DIVISIONS,
      currentDivision: code.division,
      refreshToken: '',
      oldRefreshTokens: new Set(),
      lastTokenRequestAt: 0,
      revoked: false,
    };
    this.chains.set(chain.id, chain);
    return this.grant(chain);
  }

  private refresh(refreshToken: string): TokenAnswer {
    const chain = this.chains.get(this.refreshTokens.get(refreshToken) ?? '');
    if (!chain) return error(400, 'invalid_grant');
    if (chain.oldRefreshTokens.has(refreshToken)) {
      if (this.config.SANDBOX_EXACT_OLD_TOKEN_REVOKES_CHAIN) chain.revoked = true;
      return error(401, 'unauthorized_client', 'Old refresh token used.');
    }
    if (chain.revoked) return error(400, 'invalid_grant');
    const now = this.now();
    const expiresAt = chain.lastTokenRequestAt + REFRESH_TOKEN_IDLE_LIFETIME_MS;
    if (now > expiresAt) {
      return error(
        400,
        'invalid_request',
        `The refresh token expired at ${exactDate(expiresAt)} and it is now ${exactDate(now)}.`,
      );
    }
    if (now - chain.lastTokenRequestAt < MIN_REFRESH_INTERVAL_MS) {
      return {
        ...error(400, 'access_denied', 'Rate limit exceeded: access_token not expired'),
        headers: { Reason: 'TooEarlyToRefreshTokens' },
      };
    }
    chain.oldRefreshTokens.add(refreshToken);
    return this.grant(chain);
  }

  private grant(chain: Chain): TokenAnswer {
    const accessToken = `sbx-at-${randomBytes(24).toString('base64url')}`;
    const refreshToken = `sbx-rt-${randomBytes(24).toString('base64url')}`;
    chain.refreshToken = refreshToken;
    chain.lastTokenRequestAt = this.now();
    this.refreshTokens.set(refreshToken, chain.id);
    this.accessTokens.set(accessToken, {
      chainId: chain.id,
      expiresAt: this.now() + ACCESS_TOKEN_LIFETIME_S * 1000,
    });
    return {
      status: 200,
      headers: {},
      body: {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: String(ACCESS_TOKEN_LIFETIME_S),
        refresh_token: refreshToken,
      },
    };
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function error(status: number, code: string, description?: string): TokenAnswer {
  return {
    status,
    headers: {},
    body: description ? { error: code, error_description: description } : { error: code },
  };
}

/** Exact writes dates in its token errors like "10/11/2022 9:18:20 PM". */
function exactDate(ms: number): string {
  const date = new Date(ms);
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ${hours % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}
