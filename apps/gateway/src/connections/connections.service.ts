import { SecretBox } from '@app/common';
import { AUTH_PATTERNS, AuthCodeExchangeReply } from '@app/contracts';
import { ExactCountryHost, ExactOAuthClient, exactBaseUrl } from '@app/exact-client';
import {
  ConnectionDirectory,
  ConnectionEntity,
  ExactSyncRpc,
  JobNotifier,
  SyncJobQueue,
} from '@app/sync-queue';
import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { OAuthStateService } from '../oauth/oauth-state.service';
import { ConnectionView, toConnectionView } from './connection.view';
import { CreateConnectionDto, UpdateConnectionDto } from './connections.dto';

const UNIQUE_VIOLATION = '23505';

/** Connections: their set-up, connecting them to Exact Online, and pinning the division. */
@Injectable()
export class ConnectionsService {
  private readonly secrets: SecretBox;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly directory: ConnectionDirectory,
    private readonly states: OAuthStateService,
    private readonly rpc: ExactSyncRpc,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.secrets = new SecretBox(config.TOKEN_ENCRYPTION_KEY);
  }

  async create(input: CreateConnectionDto): Promise<ConnectionView> {
    try {
      return toConnectionView(
        await this.directory.create({ ...input, status: 'draft' }, this.secrets),
      );
    } catch (error) {
      throw this.duplicate(error);
    }
  }

  async list(): Promise<ConnectionView[]> {
    return (
      await this.db.getRepository(ConnectionEntity).find({ order: { createdAt: 'ASC' } })
    ).map(toConnectionView);
  }

  async get(id: string): Promise<ConnectionView> {
    return toConnectionView(await this.find(id));
  }

  async update(id: string, changes: UpdateConnectionDto): Promise<ConnectionView> {
    const connection = await this.find(id);
    const countryChanged =
      changes.exactCountry !== undefined && changes.exactCountry !== connection.exactCountry;
    const { odooSecret, features, settings, ...plain } = changes;
    Object.assign(connection, plain);
    if (odooSecret !== undefined)
      connection.odooSecret = this.secrets.encrypt(odooSecret, connection.id);
    if (features) connection.features = { ...connection.features, ...features };
    if (settings) connection.settings = { ...connection.settings, ...settings };
    if (countryChanged) {
      // Tokens are valid only on the country host that issued them.
      await this.db.query(`DELETE FROM exact_token WHERE connection_id = $1`, [id]);
      Object.assign(connection, {
        exactDivision: null,
        exactDivisions: null,
        status: 'draft',
        statusReason: 'the Exact Online country changed: authorize again',
      });
    }
    try {
      return toConnectionView(await this.db.getRepository(ConnectionEntity).save(connection));
    } catch (error) {
      throw this.duplicate(error);
    }
  }

  /** Where to send the user to consent: the country host's authorize page, with a single-use state. */
  async authorizeUrl(id: string): Promise<string> {
    const connection = await this.find(id);
    const state = await this.states.issue(connection.id);
    return this.oauthClient(connection).authorizeUrl(state);
  }

  /** Exact sent the user back: check the state, and have the auth service exchange the code. */
  async completeAuthorization(query: {
    code?: string;
    state?: string;
    error?: string;
    error_description?: string;
  }): Promise<{ connection: ConnectionView; divisions: unknown[] }> {
    const connectionId = await this.states.consume(query.state);
    if (query.error)
      throw new BadRequestException(
        `Exact Online did not authorize the connection: ${query.error_description ?? query.error}`,
      );
    if (!query.code) throw new BadRequestException('the callback carries no code');
    let reply: AuthCodeExchangeReply;
    try {
      reply = await this.rpc.send<AuthCodeExchangeReply>(AUTH_PATTERNS.codeExchange, {
        connectionId,
        code: query.code,
      });
    } catch (error) {
      throw new BadGatewayException(
        `the auth service did not answer (${(error as Error).message}); start the authorization again`,
      );
    }
    if (!reply.ok) throw new BadRequestException(reply.message);
    await this.releaseIfReady(connectionId);
    return { connection: await this.get(connectionId), divisions: reply.divisions };
  }

  async divisions(id: string) {
    const connection = await this.find(id);
    if (!connection.exactDivisions)
      throw new ConflictException(
        'connect the connection to Exact Online first (GET …/exact/authorize)',
      );
    return connection.exactDivisions.map((division) => ({
      ...division,
      pinned: division.code === connection.exactDivision,
    }));
  }

  /** Pins the division every call of this connection uses; the connection is ready when it is authorized. */
  async pinDivision(id: string, division: number): Promise<ConnectionView> {
    const connection = await this.find(id);
    if (!connection.exactDivisions)
      throw new ConflictException(
        'connect the connection to Exact Online first (GET …/exact/authorize)',
      );
    if (!connection.exactDivisions.some((d) => d.code === division)) {
      throw new BadRequestException(
        `division ${division} is not one the authorizing user granted: ${connection.exactDivisions.map((d) => d.code).join(', ')}`,
      );
    }
    const authorized = ['authorized', 'ready', 'error'].includes(connection.status);
    await this.db
      .getRepository(ConnectionEntity)
      .update(
        { id },
        { exactDivision: division, ...(authorized ? { status: 'ready', statusReason: null } : {}) },
      );
    await this.releaseIfReady(id);
    return this.get(id);
  }

  /** A connection that is ready again: its waiting jobs run now. */
  private async releaseIfReady(id: string): Promise<void> {
    if ((await this.find(id)).status !== 'ready') return;
    await this.notifier.jobsReady(await this.queue.releaseConnection(id));
  }

  private oauthClient(connection: ConnectionEntity): ExactOAuthClient {
    return new ExactOAuthClient({
      baseUrl: exactBaseUrl(
        connection.exactCountry as ExactCountryHost,
        this.config.EXACT_BASE_URL,
      ),
      clientId: this.config.EXACT_CLIENT_ID,
      clientSecret: '', // the gateway only builds the authorize URL; the auth service holds the secret
      redirectUri: this.config.EXACT_REDIRECT_URI,
    });
  }

  /** The connection, or 404. */
  async find(id: string): Promise<ConnectionEntity> {
    const connection = await this.directory.findById(id);
    if (!connection) throw new NotFoundException(`connection ${id} does not exist`);
    return connection;
  }

  /** The connection once it can be used (authorized, a division pinned), or 404 / 409 saying why. */
  async findReady(id: string): Promise<ConnectionEntity> {
    const connection = await this.find(id);
    if (connection.status !== 'ready')
      throw new ConflictException(
        `connection '${connection.name}' is ${connection.status}: authorize it and pin a division first`,
      );
    return connection;
  }

  private duplicate(error: unknown): unknown {
    return (error as { code?: string }).code === UNIQUE_VIOLATION
      ? new ConflictException('a connection for this Odoo URL, database and company exists already')
      : error;
  }
}
