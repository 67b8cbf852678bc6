import { createLogger, runProcess } from '@app/common';
import { ODOO_EVENT_TYPES } from '@app/contracts';
import { ConnectionEntity, connectorDataSourceOptions, runMigrations } from '@app/sync-queue';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { GatewayClient, SyncJob } from './gateway-client';
import { odooCloudEvent, publishOdooEvent } from './odoo-event-publisher';
import { SandboxClient } from './sandbox-client';
import { RunningApp, startApp, waitFor } from './stack';

const DEMO_CONNECTION = 'Demo (sandbox)';
const DIVISION = 1001;

/**
 * `npm run demo`: migrations, the sandbox and every service started against local PostgreSQL and
 * RabbitMQ, one partner synced from the simulated Odoo to the simulated Exact Online (created,
 * then updated, then a no-op), an invoice booked with its PDF and paid in Exact back to Odoo, and
 * the gateway left running until Ctrl+C.
 */
runProcess('demo', async () => {
  const log = createLogger('demo', 'log');
  const databaseUrl =
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/connector_demo';
  const rabbitmqUrl = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 3100);
  const adminKey = process.env.ADMIN_API_KEYS?.split(',')[0]?.trim() || 'demo-admin-key-change-me';
  const encryptionKey = process.env.TOKEN_ENCRYPTION_KEY ?? randomBytes(32).toString('base64');
  const running: RunningApp[] = [];
  const stopAll = async () => {
    await Promise.all(running.map((app) => app.stop()));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    await ensureDatabase(databaseUrl);
    const applied = await runMigrations(databaseUrl);
    log.log(
      `database ${new URL(databaseUrl).pathname.slice(1)} ready (${applied.length} migration(s) applied)`,
    );

    const sandbox = await startApp('sandbox', {
      port: sandboxPort,
      // The simulated user consents at once, for the demo division.
      env: { LOG_LEVEL: 'warn', SANDBOX_EXACT_AUTO_CONSENT_DIVISION: String(DIVISION) },
    });
    running.push(sandbox);
    log.log(
      `sandbox: Exact Online simulator at ${sandbox.url}/api/v1, Odoo 17 simulator at ${sandbox.url}/jsonrpc`,
    );

    const env = {
      DATABASE_URL: databaseUrl,
      RABBITMQ_URL: rabbitmqUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      TOKEN_ENCRYPTION_KEY: encryptionKey,
      EXACT_BASE_URL: sandbox.url,
      EXACT_CLIENT_ID: 'sandbox-client-id',
      EXACT_CLIENT_SECRET: 'sandbox-client-secret',
      EXACT_REDIRECT_URI: `http://127.0.0.1:${gatewayPort}/oauth/exact/callback`,
      ADMIN_API_KEYS: adminKey,
    };
    const gateway = await startApp('gateway', { env, port: gatewayPort, echo: true });
    running.push(gateway);
    for (const service of ['auth', 'contacts', 'invoices', 'payments'] as const) {
      running.push(await startApp(service, { env, echo: true }));
    }
    log.log(`services up: gateway on ${gateway.url}, auth, contacts, invoices, payments`);

    const api = new GatewayClient(gateway.url, adminKey);
    await removeDemoConnection(databaseUrl);
    const newConnection = await api.request<{ id: string }>('POST', '/api/connections', {
      name: DEMO_CONNECTION,
      odooUrl: sandbox.url,
      odooDb: 'demo',
      odooLogin: 'admin',
      odooSecret: 'sandbox-odoo-api-key',
      odooCompanyId: 1,
      exactCountry: 'be',
    });
    if (newConnection.status !== 201)
      throw new Error(`creating the connection: ${JSON.stringify(newConnection.body)}`);
    log.log(
      `connection "${DEMO_CONNECTION}" created (Odoo database demo, company 1); authorizing it in Exact Online`,
    );
    const connection = await api.connectExact(newConnection.body.id, DIVISION);
    log.log(
      `connection ${connection.status}: Exact division ${DIVISION} pinned, tokens held by the auth service`,
    );

    const odoo = new SandboxClient(sandbox.url);
    const [agrolait] = await odoo.odooCall<number[]>('res.partner', 'search', [
      [['name', '=', 'Agrolait']],
    ]);
    const sync = async (step: string) => {
      const before = (await odoo.calls('exact')).calls.length;
      const event = odooCloudEvent({
        type: ODOO_EVENT_TYPES.partnerUpdated,
        db: 'demo',
        companyId: 1,
        model: 'res.partner',
        resId: agrolait,
      });
      await publishOdooEvent(rabbitmqUrl, event);
      const job = await waitFor(`the job of event ${event.id}`, async () => {
        const [found] = await api
          .jobs({ kind: 'contact.sync', q: `res.partner/${agrolait}` })
          .then((jobs) => jobs.filter((j) => j.correlationId === event.id));
        return found && ['done', 'dead'].includes(found.state) ? found : undefined;
      });
      const calls = (await odoo.calls('exact')).calls.length - before;
      log.log(`${step}: job ${job.id} ${job.state}, ${describe(job)}, ${calls} Exact call(s)`);
      return job;
    };

    log.log(
      `publishing odoo.res.partner.updated for res.partner ${agrolait} (Agrolait) to odoo.events with plain AMQP`,
    );
    const created = await sync('1. first sync');
    const [account] = (await odoo.exactRecords(DIVISION, 'crm/Accounts')).filter(
      (a) => a.ID === created.result?.exactAccountId,
    );
    log.log(
      `   Exact account ${String(account?.Code).trim()} "${account?.Name}", ${account?.AddressLine1}, ${account?.Postcode} ${account?.City}, VAT ${account?.VATNumber}`,
    );

    await odoo.odooCall('res.partner', 'write', [
      [agrolait],
      { city: 'Liège', zip: '4000', street: 'Rue de la Régence 58' },
    ]);
    log.log('changed the partner in Odoo (new address)');
    await sync('2. after the change');
    await sync('3. same data again');

    await invoiceAndPayment(api, odoo, rabbitmqUrl, newConnection.body.id, log);

    log.log('demo complete');
    log.log(`the gateway keeps running on ${gateway.url} — try:`);
    log.log(`  curl -H 'Authorization: Bearer ${adminKey}' ${gateway.url}/api/sync-jobs`);
    log.log(`  open ${gateway.url}/api/docs for the OpenAPI description`);
    log.log('press Ctrl+C to stop every process');
  } catch (error) {
    await stopAll();
    throw error;
  }
});

/**
 * Maps what an invoice needs, books a posted Odoo invoice with its PDF in Exact, then pays it in
 * Exact and lets the payments service register the payment in Odoo.
 */
async function invoiceAndPayment(
  api: GatewayClient,
  odoo: SandboxClient,
  rabbitmqUrl: string,
  connectionId: string,
  log: ReturnType<typeof createLogger>,
): Promise<void> {
  const { salesJournal: journal, taxesMatched } = await api.mapSandboxInvoicing(connectionId);
  log.log(
    `4. mapped journal INV → 70, bank BNK1 → 20, account 700000 → 8000; ${taxesMatched} tax(es) auto-matched`,
  );

  const [agrolait] = await odoo.odooCall<number[]>('res.partner', 'search', [
    [['name', '=', 'Agrolait']],
  ]);
  const [tax21] = await odoo.odooCall<number[]>('account.tax', 'search', [
    [
      ['name', '=', '21%'],
      ['company_id', '=', 1],
    ],
  ]);
  const moveId = await odoo.odooCall<number>('account.move', 'create', [
    {
      move_type: 'out_invoice',
      partner_id: agrolait,
      journal_id: journal,
      invoice_date: new Date().toISOString().slice(0, 10),
      invoice_line_ids: [
        [0, 0, { name: 'Consulting', quantity: 8, price_unit: 95, tax_ids: [[6, 0, [tax21]]] }],
      ],
    },
  ]);
  await odoo.odooCall('account.move', 'action_post', [[moveId]]);
  const before = (await odoo.calls('exact')).calls.length;
  await publishOdooEvent(
    rabbitmqUrl,
    odooCloudEvent({
      type: ODOO_EVENT_TYPES.movePosted,
      db: 'demo',
      companyId: 1,
      model: 'account.move',
      resId: moveId,
    }),
  );
  const booked = await waitFor('the invoice to be booked', async () => {
    const [job] = await api.jobs({ kind: 'invoice.sync', q: `account.move/${moveId}` });
    return job && ['done', 'failed', 'dead'].includes(job.state) ? job : undefined;
  });
  const calls = (await odoo.calls('exact')).calls.slice(before);
  log.log(
    `5. invoice ${booked.label} posted in Odoo: job ${booked.id} ${booked.state}, ${booked.result?.action ?? booked.lastError} as sales entry ${booked.result?.exactEntryNumber}, ${calls.length} Exact call(s): ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
  );

  const [move] = await odoo.odooCall<{ amount_total: number }[]>(
    'account.move',
    'read',
    [[moveId]],
    {
      fields: ['amount_total'],
    },
  );
  await odoo.payExact(DIVISION, String(booked.result?.exactEntryId), move.amount_total);
  await api.request('POST', `/api/connections/${connectionId}/payments/poll`);
  const paid = await waitFor('the payment to reach Odoo', async () => {
    const [job] = await api.jobs({ kind: 'payment.apply', q: `account.move/${moveId}` });
    return job && ['done', 'failed', 'dead'].includes(job.state) ? job : undefined;
  });
  const [after] = await odoo.odooCall<{ payment_state: string }[]>(
    'account.move',
    'read',
    [[moveId]],
    { fields: ['payment_state'] },
  );
  log.log(
    `6. paid ${move.amount_total} in Exact: job ${paid.id} ${paid.state}, ${paid.result?.action ?? paid.lastError}; the invoice in Odoo is ${after.payment_state}`,
  );
}

function describe(job: SyncJob): string {
  if (job.state !== 'done') return `error: ${job.lastError}`;
  return `${job.result?.action} (Exact account ${job.result?.exactAccountId})`;
}

/** Creates the demo database when PostgreSQL runs but the database does not exist yet. */
async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const client = new Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The demo connection is made anew each run (its Odoo key is encrypted with this run's key). */
async function removeDemoConnection(databaseUrl: string): Promise<void> {
  const db = new DataSource(connectorDataSourceOptions(databaseUrl, 1));
  await db.initialize();
  try {
    await db.getRepository(ConnectionEntity).delete({ name: DEMO_CONNECTION });
  } finally {
    await db.destroy();
  }
}
