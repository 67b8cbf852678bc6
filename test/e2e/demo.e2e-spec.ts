import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, waitFor } from '../../scripts/stack';
import { TEST_POSTGRES_URL, TestVhost, createTestVhost } from '../support/infrastructure';

/** The README's first command: it shows the flow and leaves the gateway answering on its port. */
describe('npm run demo', () => {
  let vhost: TestVhost;
  const database = `connector_demo_test_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    vhost = await createTestVhost();
  });

  afterAll(async () => {
    await vhost?.delete();
    const admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('creates its database, syncs the partner three ways, books and pays an invoice, and keeps the gateway up until stopped', async () => {
    const databaseUrl = new URL(TEST_POSTGRES_URL);
    databaseUrl.pathname = `/${database}`;
    const [gatewayPort, sandboxPort] = [await freePort(), await freePort()];
    const demo = spawn(process.execPath, [join(__dirname, '../../dist/scripts/demo.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl.toString(),
        RABBITMQ_URL: vhost.url,
        GATEWAY_PORT: String(gatewayPort),
        SANDBOX_PORT: String(sandboxPort),
        ADMIN_API_KEYS: 'demo-test-admin-key-000',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    demo.stdout.on('data', (chunk) => (output += chunk));
    demo.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) =>
      demo.once('exit', (code) => resolve(code)),
    );
    try {
      await waitFor(
        'the demo to complete',
        async () => (output.includes('demo complete') ? true : undefined),
        60_000,
      );
      expect(output).toMatch(/1\. first sync: job \d+ done, created .*, 3 Exact call\(s\)/);
      expect(output).toMatch(/2\. after the change: job \d+ done, updated .*, 1 Exact call\(s\)/);
      expect(output).toMatch(/3\. same data again: job \d+ done, unchanged .*, 0 Exact call\(s\)/);
      expect(output).toMatch(
        /5\. invoice INV\/\d+\/\d+ posted in Odoo: job \d+ done, created as sales entry \d+, 3 Exact call\(s\): POST documents\/Documents, POST documents\/DocumentAttachments, POST salesentry\/SalesEntries/,
      );
      expect(output).toMatch(
        /6\. paid [\d.]+ in Exact: job \d+ done, registered; the invoice in Odoo is paid/,
      );

      const health = await fetch(`http://127.0.0.1:${gatewayPort}/health`);
      expect(health.status).toBe(200);
      const jobs = await fetch(`http://127.0.0.1:${gatewayPort}/api/sync-jobs?state=done`, {
        headers: { Authorization: 'Bearer demo-test-admin-key-000' },
      });
      const done = ((await jobs.json()) as { items: { kind: string }[] }).items;
      expect(done.map((job) => job.kind).sort()).toEqual([
        'contact.sync',
        'contact.sync',
        'contact.sync',
        'invoice.sync',
        'payment.apply',
        'payment.poll',
      ]);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- demo output ---\n${output}`, {
        cause: error,
      });
    } finally {
      demo.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${gatewayPort}/health`)).rejects.toThrow();
  });
});
