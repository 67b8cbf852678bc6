import { ODOO_EVENT_TYPES } from '@app/contracts';
import { waitFor } from '../../scripts/stack';
import {
  E2eStack,
  SANDBOX_DIVISION,
  createPartner,
  publishPartnerEvent,
  startE2eStack,
} from '../support/e2e-stack';

/**
 * A contacts process killed with SIGKILL in the middle of a job loses nothing: the job's lease runs
 * out, the other process takes it over, and it ends done exactly once — without a second account,
 * even though the killed process's create request reached Exact Online.
 */
describe('a contacts process killed mid-job', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack({ contacts: 2, env: { JOB_LEASE_MS: '3000' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is rescued after its lease and the job ends done once, with one account', async () => {
    const id = await createPartner(stack.sandboxClient, {
      name: 'Crash Test Dummies NV',
      vat: 'BE0999999999',
      zip: '2000',
      city: 'Antwerpen',
    });
    // Exact takes 1.5 s to answer the create: the process is killed while it waits.
    await stack.sandboxClient.addFault({
      system: 'exact',
      method: 'POST',
      path: 'crm/Accounts',
      latencyMs: 1500,
      times: 1,
    });
    await publishPartnerEvent(stack, id, { type: ODOO_EVENT_TYPES.partnerCreated });

    const running = await waitFor('the job to be running', async () => {
      const [job] = await stack.db.query(
        `SELECT id, locked_by FROM sync_job WHERE source_ref = $1 AND state = 'running'`,
        [`res.partner/${id}`],
      );
      return job;
    });
    const holder = stack.contacts.find((app) =>
      running.locked_by.includes(`:${app.process.pid}:`),
    )!;
    const survivor = stack.contacts.find((app) => app !== holder)!;
    await waitFor('the create request to be on its way', async () => {
      const calls = await stack.sandboxClient.calls('exact');
      const posting = calls.calls.some(
        (call) => call.method === 'GET' && call.path === 'crm/Accounts',
      );
      return posting ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holder.kill();

    const done = await waitFor(
      'the job to be done by the other process',
      async () => {
        const job = await stack.gatewayClient.job(String(running.id));
        return job.state === 'done' ? job : undefined;
      },
      30_000,
    );

    expect(done.attemptHistory.map((a) => a.outcome)).toEqual(['lease_expired', 'succeeded']);
    expect(done.attemptHistory[1].workerId).toContain(`:${survivor.process.pid}:`);
    const accounts = (
      await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Accounts')
    ).filter((a) => a.Name === 'Crash Test Dummies NV');
    expect(accounts).toHaveLength(1);
    // The killed process's create went through; the survivor found that account instead of making a second.
    expect(done.result).toMatchObject({ action: 'linked', exactAccountId: accounts[0].ID });
    const links = await stack.db.query(`SELECT exact_id FROM entity_link WHERE odoo_id = $1`, [id]);
    expect(links).toEqual([{ exact_id: accounts[0].ID }]);
    const [{ n }] = await stack.db.query(
      `SELECT count(*)::int AS n FROM sync_job WHERE source_ref = $1`,
      [`res.partner/${id}`],
    );
    expect(n).toBe(1);
  });
});
