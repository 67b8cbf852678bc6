import { ODOO_EVENT_TYPES } from '@app/contracts';
import { waitFor } from '../../scripts/stack';
import {
  E2eStack,
  SANDBOX_DIVISION,
  createPartner,
  publishPartnerEvent,
  startE2eStack,
} from '../support/e2e-stack';

/** Two contacts processes on one queue share the work, and no job runs twice. */
describe('two contacts processes', () => {
  let stack: E2eStack;
  const PARTNERS = 40;

  beforeAll(async () => {
    // Small batches and a slow Exact make sure both processes get work before it is all gone.
    stack = await startE2eStack({
      contacts: 2,
      env: { JOB_CLAIM_BATCH: '2', JOB_CONCURRENCY: '2', RABBITMQ_PREFETCH: '5' },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('both take jobs, every job runs exactly once, and every partner gets exactly one account', async () => {
    // 40 new partners cost 120 Exact calls: more than a division's 60 per minute, which is not what this test is about.
    await stack.sandboxClient.setExactLimits({ minutely: 1000 });
    await stack.sandboxClient.addFault({
      system: 'exact',
      method: 'POST',
      path: 'crm/Accounts',
      latencyMs: 50,
    });
    const ids: number[] = [];
    for (let i = 1; i <= PARTNERS; i++) {
      ids.push(
        await createPartner(stack.sandboxClient, {
          name: `Load Customer ${i}`,
          vat: `BE0${String(100000000 + i)}`,
          zip: '1000',
          city: 'Brussels',
        }),
      );
    }
    await Promise.all(
      ids.map((id) => publishPartnerEvent(stack, id, { type: ODOO_EVENT_TYPES.partnerCreated })),
    );

    await waitFor(
      'every job to be done',
      async () => {
        const [{ done }] = await stack.db.query(
          `SELECT count(*) FILTER (WHERE state = 'done')::int AS done FROM sync_job WHERE kind = 'contact.sync'`,
        );
        return done === PARTNERS ? true : undefined;
      },
      60_000,
    );

    const jobs = await stack.db.query(
      `SELECT id, attempts FROM sync_job WHERE kind = 'contact.sync'`,
    );
    expect(jobs).toHaveLength(PARTNERS);
    expect(jobs.every((job: { attempts: number }) => job.attempts === 1)).toBe(true);
    const attempts = await stack.db.query(
      `SELECT job_id, worker_id, outcome FROM sync_job_attempt`,
    );
    expect(attempts).toHaveLength(PARTNERS);
    expect(new Set(attempts.map((a: { job_id: string }) => a.job_id)).size).toBe(PARTNERS);
    expect(attempts.every((a: { outcome: string }) => a.outcome === 'succeeded')).toBe(true);

    const pids = new Set(
      attempts.map((a: { worker_id: string }) => Number(a.worker_id.split(':')[1])),
    );
    expect(pids).toEqual(new Set(stack.contacts.map((app) => app.process.pid)));

    const accounts = (
      await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Accounts')
    ).filter((a) => String(a.Name).startsWith('Load Customer'));
    expect(accounts).toHaveLength(PARTNERS);
    expect(new Set(accounts.map((a) => a.Name)).size).toBe(PARTNERS);
    const posts = (await stack.sandboxClient.calls('exact')).calls.filter(
      (c) => c.method === 'POST' && c.path === 'crm/Accounts',
    );
    expect(posts).toHaveLength(PARTNERS);
  });
});
