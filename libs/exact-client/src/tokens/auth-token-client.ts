import { MappingError, RetryLaterError } from '@app/common';
import { AUTH_PATTERNS, AuthTokenReply } from '@app/contracts';
import type { ExactTokenProvider } from './token-provider';

/** Sends an RPC request and answers the reply (the services wrap Nest's ClientRMQ). */
export interface RpcTransport {
  send<T>(pattern: string, data: object): Promise<T>;
}

const REAUTHORIZATION_RETRY_MS = 5 * 60_000;
const TRY_LATER_MS = 30_000;

/**
 * Access tokens from the auth service, the only process that talks to Exact's token endpoint.
 * A token is kept until `marginMs` before it expires; concurrent callers in a process share one
 * request; a refusal becomes a wait that uses no job attempt (re-authorization needed, or the
 * token endpoint cannot be asked yet).
 */
export class AuthTokenClient implements ExactTokenProvider {
  private readonly cache = new Map<string, { token: string; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly transport: RpcTransport,
    private readonly marginMs = 30_000,
  ) {}

  async getAccessToken(connectionId: string): Promise<string> {
    const cached = this.cache.get(connectionId);
    if (cached && cached.expiresAt - this.marginMs > Date.now()) return cached.token;
    return this.once(connectionId, () =>
      this.transport.send<AuthTokenReply>(AUTH_PATTERNS.tokenGet, { connectionId }),
    );
  }

  async renewAccessToken(connectionId: string, refused: string): Promise<string> {
    this.cache.delete(connectionId);
    return this.once(connectionId, () =>
      this.transport.send<AuthTokenReply>(AUTH_PATTERNS.tokenRenew, { connectionId, refused }),
    );
  }

  private once(connectionId: string, request: () => Promise<AuthTokenReply>): Promise<string> {
    let pending = this.pending.get(connectionId);
    if (!pending) {
      pending = request()
        .then((reply) => this.accept(connectionId, reply))
        .finally(() => this.pending.delete(connectionId));
      this.pending.set(connectionId, pending);
    }
    return pending;
  }

  private accept(connectionId: string, reply: AuthTokenReply): string {
    if (reply.ok) {
      this.cache.set(connectionId, {
        token: reply.accessToken,
        expiresAt: Date.parse(reply.expiresAt),
      });
      return reply.accessToken;
    }
    const retryAt = reply.retryAt ? new Date(reply.retryAt) : null;
    switch (reply.refusal) {
      case 'reauthorization_required':
        throw new RetryLaterError(
          `no Exact Online token: ${reply.message}`,
          retryAt ?? new Date(Date.now() + REAUTHORIZATION_RETRY_MS),
        );
      case 'try_later':
        throw new RetryLaterError(
          `no Exact Online token yet: ${reply.message}`,
          retryAt ?? new Date(Date.now() + TRY_LATER_MS),
        );
      default:
        throw new MappingError(`no Exact Online token: ${reply.message}`);
    }
  }
}
