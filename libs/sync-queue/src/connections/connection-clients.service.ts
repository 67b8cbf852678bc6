import { MappingError, SecretBox } from '@app/common';
import {
  ExactClient,
  ExactBudgetSnapshot,
  ExactCountryHost,
  AuthTokenClient,
  PostgresExactBudget,
  exactBaseUrl,
} from '@app/exact-client';
import { OdooClient, OdooRpc } from '@app/odoo-client';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConnectionEntity } from '../entities/connection.entity';
import { ExactSyncRpc } from '../messaging/exact-sync-client.module';
import { CONNECTOR_SERVICE_CONFIG } from './connector-service.config';
import type { ConnectionClientsConfig } from './connector-service.config';

/** Odoo and Exact Online clients for a connection, reused while the connection is unchanged. */
@Injectable()
export class ConnectionClients {
  private readonly secrets: SecretBox;
  /** Tokens come from the auth service, the only holder of Exact tokens. */
  private readonly tokens: AuthTokenClient;
  /** Exact's per-division limits, counted in PostgreSQL for every replica of every service. */
  private readonly budgetStore: PostgresExactBudget;
  private readonly odooClients = new Map<string, { version: number; client: OdooClient }>();

  constructor(
    @Inject(CONNECTOR_SERVICE_CONFIG) private readonly config: ConnectionClientsConfig,
    @InjectDataSource() db: DataSource,
    rpc: ExactSyncRpc,
  ) {
    this.budgetStore = new PostgresExactBudget(db, { windowMs: config.EXACT_RATE_WINDOW_MS });
    this.secrets = new SecretBox(config.TOKEN_ENCRYPTION_KEY);
    this.tokens = new AuthTokenClient(rpc);
  }

  odoo(connection: ConnectionEntity): OdooClient {
    const version = connection.updatedAt.getTime();
    const cached = this.odooClients.get(connection.id);
    if (cached?.version === version) return cached.client;
    const rpc = new OdooRpc({
      url: connection.odooUrl,
      db: connection.odooDb,
      login: connection.odooLogin,
      secret: this.secrets.decrypt(connection.odooSecret, connection.id),
      companyId: connection.odooCompanyId,
      timeoutMs: this.config.ODOO_TIMEOUT_MS,
    });
    const client = new OdooClient(rpc, connection.odooUrl);
    this.odooClients.set(connection.id, { version, client });
    return client;
  }

  /** What is known of the connection's division budget (limits and calls left today). */
  budget(connection: ConnectionEntity): Promise<ExactBudgetSnapshot> {
    return this.budgetStore.snapshot(connection.exactDivision ?? 0);
  }

  exact(connection: ConnectionEntity): ExactClient {
    if (connection.exactDivision === null) {
      throw new MappingError(
        `connection '${connection.name}' has no Exact Online division pinned yet`,
      );
    }
    return new ExactClient({
      baseUrl: exactBaseUrl(
        connection.exactCountry as ExactCountryHost,
        this.config.EXACT_BASE_URL,
      ),
      division: connection.exactDivision,
      connectionId: connection.id,
      tokens: this.tokens,
      budget: this.budgetStore,
      timeoutMs: this.config.EXACT_TIMEOUT_MS,
    });
  }
}
