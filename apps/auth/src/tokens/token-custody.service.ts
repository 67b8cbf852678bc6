import { SecretBox } from '@app/common';
import { AuthCodeExchangeReply, AuthTokenReply } from '@app/contracts';
import {
  ExactClient,
  ExactCountryHost,
  ExactOAuthClient,
  ExactTokenError,
  ExactTokens,
  PostgresExactBudget,
  currentMe,
  divisions,
  exactBaseUrl,
} from '@app/exact-client';
import { ConnectionEntity, ExactDivisionSummary, JobNotifier, SyncJobQueue } from '@app/sync-queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AUTH_CONFIG, AuthConfig } from '../auth.config';

/** Exact refuses a refresh within 570 s of the previous token request. */
export const MIN_REFRESH_INTERVAL_MS = 570_000;
/** A token with less left than this is not handed out when a refresh is possible. */
const FRESH_MARGIN_MS = 60_000;

interface TokenRow {
  connection_id: string;
  access_token: string;
  refresh_token: string;
  access_expires_at: Date;
  last_token_request_at: Date;
}

/**
 * The only holder of Exact Online tokens. It exchanges authorization codes, hands out access tokens
 * and refreshes them under a row lock, so that however many replicas are asked at once, one refresh
 * reaches Exact; the lock holder re-reads the stored token first, and the rotated refresh token is
 * committed before the new access token leaves this service. A refused chain marks the connection
 * `reauthorization_required`.
 */
@Injectable()
export class TokenCustody {
  private readonly log = new Logger(TokenCustody.name);
  private readonly secrets: SecretBox;
  private readonly budget: PostgresExactBudget;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {
    this.secrets = new SecretBox(config.TOKEN_ENCRYPTION_KEY);
    this.budget = new PostgresExactBudget(db, { windowMs: config.EXACT_RATE_WINDOW_MS });
  }

  /** A token with time left, refreshed first when it is about to expire. */
  async get(connectionId: string): Promise<AuthTokenReply> {
    const [row] = (await this.db.query(`SELECT * FROM exact_token WHERE connection_id = $1`, [
      connectionId,
    ])) as TokenRow[];
    if (row && new Date(row.access_expires_at).getTime() - FRESH_MARGIN_MS > Date.now())
      return this.reply(row);
    return this.refresh(connectionId, null);
  }

  /** Exact refused `refused`: a new token, unless another caller already replaced it. */
  renew(connectionId: string, refused: string): Promise<AuthTokenReply> {
    return this.refresh(connectionId, refused);
  }

  /** The OAuth callback's code: tokens, the user and the divisions they granted. */
  async exchange(connectionId: string, code: string): Promise<AuthCodeExchangeReply> {
    const connection = await this.db
      .getRepository(ConnectionEntity)
      .findOneBy({ id: connectionId });
    if (!connection)
      return {
        ok: false,
        refusal: 'invalid_request',
        message: `connection ${connectionId} does not exist`,
      };
    let tokens: ExactTokens;
    try {
      tokens = await this.oauth(connection).exchangeCode(code);
    } catch (error) {
      if (error instanceof ExactTokenError)
        return {
          ok: false,
          refusal: 'reauthorization_required',
          message: `Exact Online refused the authorization: ${error.message}`,
        };
      throw error;
    }
    await this.db.transaction((manager) => this.store(manager, connectionId, tokens));
    const client = this.exactClient(connection, tokens.accessToken, connection.exactDivision ?? 0);
    const me = await currentMe(client);
    const granted = await this.recordDivisions(
      connection,
      this.exactClient(
        connection,
        tokens.accessToken,
        connection.exactDivision ?? me.CurrentDivision,
      ),
      me,
    );
    const pinnedStillGranted =
      connection.exactDivision !== null && granted.some((d) => d.code === connection.exactDivision);
    await this.setStatus(connectionId, pinnedStillGranted ? 'ready' : 'authorized', null);
    this.log.log(
      `connection ${connectionId} authorized by ${me.UserName} (${granted.length} division(s))`,
    );
    return { ok: true, status: pinnedStillGranted ? 'ready' : 'authorized', divisions: granted };
  }

  private async refresh(connectionId: string, refused: string | null): Promise<AuthTokenReply> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const reply = await this.refreshLocked(runner, connectionId, refused);
      if (runner.isTransactionActive) await runner.commitTransaction();
      return reply;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      this.log.warn(
        `could not refresh the Exact token of connection ${connectionId}: ${(error as Error).message}`,
      );
      return {
        ok: false,
        refusal: 'try_later',
        message: `the Exact token endpoint could not be reached (${(error as Error).message})`,
      };
    } finally {
      await runner.release();
    }
  }

  private async refreshLocked(
    runner: QueryRunner,
    connectionId: string,
    refused: string | null,
  ): Promise<AuthTokenReply> {
    // One refresh at a time per connection, across every replica: whoever waits here re-reads what the holder stored.
    const [row] = (await runner.query(
      `SELECT * FROM exact_token WHERE connection_id = $1 FOR UPDATE`,
      [connectionId],
    )) as TokenRow[];
    if (!row)
      return {
        ok: false,
        refusal: 'reauthorization_required',
        message: 'the connection has not been authorized in Exact Online yet',
      };
    const current = this.secrets.decrypt(row.access_token, connectionId);
    const expiresAt = new Date(row.access_expires_at).getTime();
    if (current !== refused && expiresAt - FRESH_MARGIN_MS > Date.now()) return this.reply(row);
    const refreshAllowedAt =
      new Date(row.last_token_request_at).getTime() + MIN_REFRESH_INTERVAL_MS;
    if (Date.now() < refreshAllowedAt) {
      if (current !== refused && expiresAt > Date.now() + 5_000) return this.reply(row);
      return {
        ok: false,
        refusal: 'try_later',
        message: 'Exact Online allows a token refresh only 570 s after the previous one',
        retryAt: new Date(refreshAllowedAt).toISOString(),
      };
    }
    const connection = (await runner.manager
      .getRepository(ConnectionEntity)
      .findOneBy({ id: connectionId }))!;
    let tokens: ExactTokens;
    try {
      tokens = await this.oauth(connection).refresh(
        this.secrets.decrypt(row.refresh_token, connectionId),
      );
    } catch (error) {
      if (!(error instanceof ExactTokenError)) throw error;
      return this.refused(runner, connection, row, error);
    }
    await this.store(runner.manager, connectionId, tokens);
    await runner.commitTransaction();
    // After commit: the new refresh token is safe before anyone uses the new access token.
    void this.checkDivisions(connection, tokens.accessToken);
    return {
      ok: true,
      accessToken: tokens.accessToken,
      expiresAt: tokens.accessExpiresAt.toISOString(),
    };
  }

  private async refused(
    runner: QueryRunner,
    connection: ConnectionEntity,
    row: TokenRow,
    error: ExactTokenError,
  ): Promise<AuthTokenReply> {
    if (error.refreshToken) {
      await runner.query(
        `UPDATE exact_token SET refresh_token = $2, updated_at = now() WHERE connection_id = $1`,
        [connection.id, this.secrets.encrypt(error.refreshToken, connection.id)],
      );
    }
    if (error.needsReauthorization) {
      const reason = `Exact Online refused the refresh token (${error.message}); authorize the connection again`;
      await runner.manager
        .getRepository(ConnectionEntity)
        .update(
          { id: connection.id },
          { status: 'reauthorization_required', statusReason: reason },
        );
      this.log.warn(`connection ${connection.id}: ${reason}`);
      return { ok: false, refusal: 'reauthorization_required', message: reason };
    }
    const retryAt = new Date(
      new Date(row.last_token_request_at).getTime() + MIN_REFRESH_INTERVAL_MS,
    );
    return {
      ok: false,
      refusal: 'try_later',
      message: error.message,
      retryAt: (retryAt.getTime() > Date.now()
        ? retryAt
        : new Date(Date.now() + 30_000)
      ).toISOString(),
    };
  }

  private async store(
    manager: EntityManager,
    connectionId: string,
    tokens: ExactTokens,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO exact_token (connection_id, access_token, refresh_token, access_expires_at, last_token_request_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (connection_id) DO UPDATE SET access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
         access_expires_at = EXCLUDED.access_expires_at, last_token_request_at = now(), updated_at = now()`,
      [
        connectionId,
        this.secrets.encrypt(tokens.accessToken, connectionId),
        this.secrets.encrypt(tokens.refreshToken, connectionId),
        tokens.accessExpiresAt,
      ],
    );
  }

  /** After a refresh: is the pinned division still granted? If not, the connection says so. */
  private async checkDivisions(connection: ConnectionEntity, accessToken: string): Promise<void> {
    if (connection.exactDivision === null) return;
    try {
      const granted = await this.recordDivisions(
        connection,
        this.exactClient(connection, accessToken, connection.exactDivision),
        null,
      );
      if (!granted.some((d) => d.code === connection.exactDivision)) {
        await this.setStatus(
          connection.id,
          'error',
          `division ${connection.exactDivision} is no longer accessible to ${connection.exactUserName ?? 'the authorizing user'}; pin another division or authorize again`,
        );
      } else if (connection.status === 'error') {
        await this.setStatus(connection.id, 'ready', null);
      }
    } catch (error) {
      this.log.warn(
        `could not check the divisions of connection ${connection.id}: ${(error as Error).message}`,
      );
    }
  }

  private async recordDivisions(
    connection: ConnectionEntity,
    client: ExactClient,
    me: { UserID: string; FullName: string } | null,
  ): Promise<ExactDivisionSummary[]> {
    const granted = (await divisions.find(client)).map((d) => ({
      code: d.Code,
      description: d.Description,
      country: d.Country,
    }));
    await this.db.getRepository(ConnectionEntity).update(
      { id: connection.id },
      {
        exactDivisions: granted,
        ...(me ? { exactUserId: me.UserID, exactUserName: me.FullName } : {}),
      },
    );
    return granted;
  }

  private async setStatus(
    connectionId: string,
    status: ConnectionEntity['status'],
    reason: string | null,
  ): Promise<void> {
    await this.db
      .getRepository(ConnectionEntity)
      .update({ id: connectionId }, { status, statusReason: reason });
    if (status === 'ready')
      await this.notifier.jobsReady(await this.queue.releaseConnection(connectionId));
  }

  private reply(row: TokenRow): AuthTokenReply {
    return {
      ok: true,
      accessToken: this.secrets.decrypt(row.access_token, row.connection_id),
      expiresAt: new Date(row.access_expires_at).toISOString(),
    };
  }

  private oauth(connection: ConnectionEntity): ExactOAuthClient {
    return new ExactOAuthClient({
      baseUrl: exactBaseUrl(
        connection.exactCountry as ExactCountryHost,
        this.config.EXACT_BASE_URL,
      ),
      clientId: this.config.EXACT_CLIENT_ID,
      clientSecret: this.config.EXACT_CLIENT_SECRET,
      redirectUri: this.config.EXACT_REDIRECT_URI,
      timeoutMs: this.config.EXACT_TIMEOUT_MS,
    });
  }

  private exactClient(
    connection: ConnectionEntity,
    accessToken: string,
    division: number,
  ): ExactClient {
    return new ExactClient({
      baseUrl: exactBaseUrl(
        connection.exactCountry as ExactCountryHost,
        this.config.EXACT_BASE_URL,
      ),
      division,
      connectionId: connection.id,
      tokens: {
        getAccessToken: async () => accessToken,
        renewAccessToken: async () => accessToken,
      },
      budget: this.budget,
      timeoutMs: this.config.EXACT_TIMEOUT_MS,
    });
  }
}
