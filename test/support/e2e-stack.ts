import { SecretBox } from '@app/common';
import { ODOO_EVENT_TYPES } from '@app/contracts';
import { ConnectionDirectory, ConnectionEntity, connectorDataSourceOptions } from '@app/sync-queue';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayClient } from '../../scripts/gateway-client';
import { odooCloudEvent, publishOdooEvent } from '../../scripts/odoo-event-publisher';
import { SandboxClient } from '../../scripts/sandbox-client';
import { RunningApp, startApp } from '../../scripts/stack';
import { TestDatabase, TestVhost, createTestDatabase, createTestVhost } from './infrastructure';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';
export const SANDBOX_EXACT_TOKEN = 'sandbox-exact-token';
export const SANDBOX_DIVISION = 1001;

export interface E2eStack {
  database: TestDatabase;
  vhost: TestVhost;
  /** The connector's database, for checks the API does not show (links, inbox). */
  db: DataSource;
  sandbox: RunningApp;
  sandboxClient: SandboxClient;
  gateway: RunningApp;
  gatewayClient: GatewayClient;
  contacts: RunningApp[];
  connection: ConnectionEntity;
  /** Environment of the connector's services, to start more of them. */
  serviceEnv: Record<string, string>;
  startContacts(extraEnv?: Record<string, string>): Promise<RunningApp>;
  stop(): Promise<void>;
}

/**
 * A whole connector for one test file, every app its own process: a fresh database and RabbitMQ
 * virtual host, the sandbox, the gateway and `contacts` processes of the contacts service, and a
 * ready connection between the sandbox Odoo (company 1) and the sandbox Exact division 1001.
 */
export async function startE2eStack(
  options: { contacts?: number; env?: Record<string, string> } = {},
): Promise<E2eStack> {
  const started: RunningApp[] = [];
  const database = await createTestDatabase();
  const vhost = await createTestVhost();
  const db = new DataSource(connectorDataSourceOptions(database.url, 2));
  const stopAll = async () => {
    await Promise.all(started.map((app) => app.stop()));
    if (db.isInitialized) await db.destroy();
    await database.drop();
    await vhost.delete();
  };
  try {
    await db.initialize();
    const sandbox = await startApp('sandbox', {
      env: { LOG_LEVEL: 'warn', SANDBOX_EXACT_ACCESS_TOKENS: SANDBOX_EXACT_TOKEN },
    });
    started.push(sandbox);
    const encryptionKey = randomBytes(32).toString('base64');
    const connection = await new ConnectionDirectory(db.getRepository(ConnectionEntity)).create(
      {
        name: 'Sandbox Belgium',
        odooUrl: sandbox.url,
        odooDb: 'demo',
        odooLogin: 'admin',
        odooSecret: 'sandbox-odoo-api-key',
        odooCompanyId: 1,
        exactCountry: 'be',
        exactDivision: SANDBOX_DIVISION,
        status: 'ready',
      },
      new SecretBox(encryptionKey),
    );
    const serviceEnv: Record<string, string> = {
      DATABASE_URL: database.url,
      RABBITMQ_URL: vhost.url,
      LOG_LEVEL: 'log',
      TOKEN_ENCRYPTION_KEY: encryptionKey,
      EXACT_BASE_URL: sandbox.url,
      EXACT_ACCESS_TOKEN: SANDBOX_EXACT_TOKEN,
      EXACT_TIMEOUT_MS: '5000',
      ADMIN_API_KEYS: TEST_ADMIN_KEY,
      JOB_POLL_INTERVAL_MS: '1000',
      JOB_MAINTENANCE_INTERVAL_MS: '250',
      JOB_BACKOFF_BASE_MS: '400',
      JOB_BACKOFF_CAP_MS: '2000',
      JOB_LEASE_MS: '5000',
      JOB_MAX_ATTEMPTS: '3',
      ...options.env,
    };
    const gateway = await startApp('gateway', { env: serviceEnv });
    started.push(gateway);
    const startContacts = async (extraEnv: Record<string, string> = {}) => {
      const app = await startApp('contacts', { env: { ...serviceEnv, ...extraEnv } });
      started.push(app);
      return app;
    };
    const contacts: RunningApp[] = [];
    for (let i = 0; i < (options.contacts ?? 1); i++) contacts.push(await startContacts());
    return {
      database,
      vhost,
      db,
      sandbox,
      sandboxClient: new SandboxClient(sandbox.url),
      gateway,
      gatewayClient: new GatewayClient(gateway.url, TEST_ADMIN_KEY),
      contacts,
      connection,
      serviceEnv,
      startContacts,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

/** The id of a partner of the sandbox Odoo, by name. */
export async function partnerId(sandbox: SandboxClient, name: string): Promise<number> {
  const ids = await sandbox.odooCall<number[]>('res.partner', 'search', [[['name', '=', name]]]);
  if (ids.length !== 1) throw new Error(`expected one partner named ${name}, found ${ids.length}`);
  return ids[0];
}

/** Creates a company partner in the sandbox Odoo (company 1 unless given). */
export async function createPartner(
  sandbox: SandboxClient,
  values: Record<string, unknown>,
): Promise<number> {
  return sandbox.odooCall<number>('res.partner', 'create', [
    { is_company: true, customer_rank: 1, company_id: 1, ...values },
  ]);
}

/** Publishes a partner event of the sandbox Odoo's database, as the Odoo addon does; answers the event. */
export async function publishPartnerEvent(
  stack: E2eStack,
  resId: number,
  options: { type?: string; companyId?: number | null; id?: string } = {},
): Promise<ReturnType<typeof odooCloudEvent>> {
  const event = odooCloudEvent({
    type: options.type ?? ODOO_EVENT_TYPES.partnerUpdated,
    db: 'demo',
    companyId: options.companyId === undefined ? 1 : options.companyId,
    model: 'res.partner',
    resId,
    id: options.id,
  });
  await publishOdooEvent(stack.vhost.url, event);
  return event;
}
