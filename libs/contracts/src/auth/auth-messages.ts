import { IsNotEmpty, IsString, IsUUID } from 'class-validator';

/** RPC patterns the auth service answers on `exact-sync`. */
export const AUTH_PATTERNS = {
  /** A valid access token for a connection (refreshed if it is about to expire). */
  tokenGet: 'auth.token.get',
  /** Exact refused this token (401): a renewed one unless another caller renewed it already. */
  tokenRenew: 'auth.token.renew',
  /** Exchange the code of the OAuth callback and record the user and divisions. */
  codeExchange: 'auth.code.exchange',
} as const;

export class AuthTokenRequest {
  @IsUUID()
  connectionId: string;
}

export class AuthTokenRenewRequest extends AuthTokenRequest {
  @IsString()
  @IsNotEmpty()
  refused: string;
}

export class AuthCodeExchangeRequest extends AuthTokenRequest {
  @IsString()
  @IsNotEmpty()
  code: string;
}

/** Why no token could be given, and what the caller should do. */
export type AuthRefusal =
  /** The user must authorize the connection (again): its jobs wait without using attempts. */
  | 'reauthorization_required'
  /** Exact's token endpoint cannot be asked yet (570 s rule) or did not answer: try again at `retryAt`. */
  | 'try_later'
  /** The request itself was wrong (unknown connection, malformed). */
  | 'invalid_request';

export type AuthTokenReply =
  | { ok: true; accessToken: string; expiresAt: string }
  | { ok: false; refusal: AuthRefusal; message: string; retryAt?: string };

export type AuthCodeExchangeReply =
  | {
      ok: true;
      status: string;
      divisions: { code: number; description: string; country: string | null }[];
    }
  | { ok: false; refusal: AuthRefusal; message: string };
