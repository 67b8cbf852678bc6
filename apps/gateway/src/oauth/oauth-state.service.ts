import { deriveKey } from '@app/common';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { returningRows } from '@app/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';

const STATE_LIFETIME_MS = 10 * 60_000;

/**
 * The OAuth `state` of an Exact authorization: `<payload>.<signature>`, where the payload names the
 * connection, a nonce and an expiry, and the signature is an HMAC with a key derived from
 * TOKEN_ENCRYPTION_KEY. The nonce is stored and can be used once: a tampered, expired or replayed
 * state is refused.
 */
@Injectable()
export class OAuthStateService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.key = deriveKey(config.TOKEN_ENCRYPTION_KEY, 'exact-oauth-state');
  }

  async issue(connectionId: string): Promise<string> {
    const nonce = randomBytes(16).toString('base64url');
    const expiresAt = Date.now() + STATE_LIFETIME_MS;
    await this.db.query(
      `INSERT INTO oauth_state (nonce, connection_id, expires_at) VALUES ($1, $2, $3)`,
      [nonce, connectionId, new Date(expiresAt)],
    );
    await this.db.query(`DELETE FROM oauth_state WHERE expires_at < now() - interval '1 day'`);
    const payload = Buffer.from(
      JSON.stringify({ c: connectionId, n: nonce, e: expiresAt }),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The connection the state was issued for; it cannot be used again. */
  async consume(state: string | undefined): Promise<string> {
    const [payload, signature] = (state ?? '').split('.');
    if (!payload || !signature)
      throw new BadRequestException('the state parameter is missing or malformed');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new BadRequestException('the state parameter has been tampered with');
    const {
      c: connectionId,
      n: nonce,
      e: expiresAt,
    } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      c: string;
      n: string;
      e: number;
    };
    if (expiresAt < Date.now())
      throw new BadRequestException(
        'this authorization link has expired; start again from the connection',
      );
    const used = returningRows(
      await this.db.query(
        `UPDATE oauth_state SET used_at = now() WHERE nonce = $1 AND connection_id = $2 AND used_at IS NULL AND expires_at > now() RETURNING nonce`,
        [nonce, connectionId],
      ),
    );
    if (used.length !== 1)
      throw new BadRequestException(
        'this authorization link was already used; start again from the connection',
      );
    return connectionId;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
