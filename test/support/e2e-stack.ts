import { ODOO_EVENT_TYPES } from '@app/contracts';
import { connectorDataSourceOptions } from '@app/sync-queue';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayClient } from '../../scripts/gateway-client';
import { odooCloudEvent, publishOdooEvent } from '../../scripts/odoo-event-publisher';
import { SandboxClient } from '../../scripts/sandbox-client';
import { RunningApp, freePort, startApp } from '../../scripts/stack';
import { TestDatabase, TestVhost, createTestDatabase, createTestVhost } from './infrastructure';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';
export const SANDBOX_DIVISION = 1001;
export const EXACT_APP = {
  EXACT_CLIENT_ID: 'sandbox-client-id',
  EXACT_CLIENT_SECRET: 'sandbox-client-secret',
};

export interface ConnectionSummary {
  id: string;
  name: string;
  status: string;
}

export interface E2eStack {
  database: TestDatabase;
  vhost: TestVhost;
  /** The connector's database, for checks the API does not show (links, inbox, tokens). */
  db: DataSource;
  sandbox: RunningApp;
  sandboxClient: SandboxClient;
  gateway: RunningApp;
  gatewayClient: GatewayClient;
  contacts: RunningApp[];
  auth: RunningApp[];
  invoices: RunningApp[];
  payments: RunningApp[];
  connection: ConnectionSummary;
  /** Environment of the connector's services, to start more of them. */
  serviceEnv: Record<string, string>;
  startContacts(extraEnv?: Record<string, string>): Promise<RunningApp>;
  startAuth(extraEnv?: Record<string, string>): Promise<RunningApp>;
  stop(): Promise<void>;
}

export interface StackOptions {
  contacts?: number;
  auth?: number;
  /** invoices processes (none unless asked for). */
  invoices?: number;
  /** payments processes (none unless asked for). */
  payments?: number;
  /** Services' environment on top of the defaults. */
  env?: Record<string, string>;
  /** The sandbox's environment on top of the defaults (auto-consent for division 1001). */
  sandboxEnv?: Record<string, string>;
  /** Leave the connection in draft (not authorized, no division). */
  skipConnect?: boolean;
  /** The sandbox Odoo publishes its CloudEvents to the stack's broker, as the addon does. */
  odooEvents?: boolean;
  /** The simulated Odoo's version (17 by default); 13 takes the password, not an API key. */
  odooVersion?: number;
}

/**
 * A whole connector for one test file, every app its own process: a fresh database and RabbitMQ
 * virtual host, the sandbox, the gateway, `auth` and `contacts` processes, and a connection between
 * the sandbox Odoo (company 1) and the sandbox Exact division 1001 — created through the admin API
 * and authorized through the OAuth flow, as an operator would.
 */
export async function startE2eStack(options: StackOptions = {}): Promise<E2eStack> {
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
      env: {
        LOG_LEVEL: 'warn',
        SANDBOX_EXACT_AUTO_CONSENT_DIVISION: String(SANDBOX_DIVISION),
        ...(options.odooEvents ? { SANDBOX_ODOO_EVENTS_URL: vhost.url } : {}),
        ...(options.odooVersion ? { SANDBOX_ODOO_VERSION: String(options.odooVersion) } : {}),
        ...options.sandboxEnv,
      },
    });
    started.push(sandbox);
    const gatewayPort = await freePort();
    const serviceEnv: Record<string, string> = {
      DATABASE_URL: database.url,
      RABBITMQ_URL: vhost.url,
      LOG_LEVEL: 'log',
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      EXACT_BASE_URL: sandbox.url,
      ...EXACT_APP,
      EXACT_REDIRECT_URI: `http://127.0.0.1:${gatewayPort}/oauth/exact/callback`,
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
    const gateway = await startApp('gateway', { env: serviceEnv, port: gatewayPort });
    started.push(gateway);
    const startService =
      (name: 'auth' | 'contacts' | 'invoices' | 'payments') =>
      async (extraEnv: Record<string, string> = {}) => {
        const app = await startApp(name, { env: { ...serviceEnv, ...extraEnv } });
        started.push(app);
        return app;
      };
    const startAuth = startService('auth');
    const startContacts = startService('contacts');
    const auth: RunningApp[] = [];
    for (let i = 0; i < (options.auth ?? 1); i++) auth.push(await startAuth());
    const contacts: RunningApp[] = [];
    for (let i = 0; i < (options.contacts ?? 1); i++) contacts.push(await startContacts());
    const invoices: RunningApp[] = [];
    for (let i = 0; i < (options.invoices ?? 0); i++)
      invoices.push(await startService('invoices')());
    const payments: RunningApp[] = [];
    for (let i = 0; i < (options.payments ?? 0); i++)
      payments.push(await startService('payments')());

    const gatewayClient = new GatewayClient(gateway.url, TEST_ADMIN_KEY);
    const created = await gatewayClient.request<ConnectionSummary>('POST', '/api/connections', {
      name: 'Sandbox Belgium',
      odooUrl: sandbox.url,
      odooDb: 'demo',
      odooLogin: 'admin',
      odooSecret: odooSecret(options),
      odooCompanyId: 1,
      exactCountry: 'be',
    });
    if (created.status !== 201)
      throw new Error(`creating the connection: ${created.status} ${JSON.stringify(created.body)}`);
    const connection = options.skipConnect
      ? created.body
      : ((await gatewayClient.connectExact(
          created.body.id,
          SANDBOX_DIVISION,
        )) as unknown as ConnectionSummary);
    return {
      database,
      vhost,
      db,
      sandbox,
      sandboxClient: new SandboxClient(sandbox.url, {
        db: 'demo',
        login: 'admin',
        secret: odooSecret(options),
      }),
      gateway,
      gatewayClient,
      contacts,
      auth,
      invoices,
      payments,
      connection,
      serviceEnv,
      startContacts,
      startAuth,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

/** Odoo 13 knows no API keys: the connection (and the test's own calls) use the password there. */
function odooSecret(options: StackOptions): string {
  return options.odooVersion === 13 ? 'admin' : 'sandbox-odoo-api-key';
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

/** Odoo calls as a user of company 1, and the id of the first record a domain finds. */
export function odooOfCompany1(stack: E2eStack) {
  const call = <T>(model: string, method: string, args: unknown[], kwargs: object = {}) =>
    stack.sandboxClient.odooCall<T>(model, method, args, {
      ...kwargs,
      context: { allowed_company_ids: [1] },
    });
  const idOf = async (model: string, domain: unknown[]) =>
    (await call<number[]>(model, 'search', [domain]))[0];
  return { call, idOf };
}

/** Admin API requests under the stack's connection (`/api/connections/:id` + path). */
export function connectionApi(stack: E2eStack) {
  return <T>(method: string, path: string, body?: unknown) =>
    stack.gatewayClient.request<T>(method, `/api/connections/${stack.connection.id}${path}`, body);
}
