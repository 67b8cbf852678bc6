import { ODOO_EVENT_TYPES } from '@app/contracts';
import { publishToOdooEvents } from '../../scripts/odoo-event-publisher';
import { SyncJob } from '../../scripts/gateway-client';
import { waitFor } from '../../scripts/stack';
import { queueDepth } from '../support/amqp-inspection';
import {
  E2eStack,
  SANDBOX_DIVISION,
  partnerId,
  publishPartnerEvent,
  startE2eStack,
} from '../support/e2e-stack';

/**
 * The first real flow, every app its own process: a plain AMQP client publishes an Odoo partner
 * event → contacts records a job → reads the partner from the sandbox Odoo → books the account in
 * the sandbox Exact Online → the job is done and the link stored, all visible through the gateway.
 */
describe('partner event → Exact Online account', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    // Idle workers poll only once a minute here: whatever runs quickly was woken by an event,
    // a backoff that ran out, or an operator's retry.
    stack = await startE2eStack({ env: { JOB_POLL_INTERVAL_MS: '60000' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const jobsOf = async (id: number) =>
    (await stack.gatewayClient.jobs({ kind: 'contact.sync', q: `res.partner/${id}` })).filter(
      (job) => job.sourceRef === `res.partner/${id}`,
    );
  const waitForJob = (
    description: string,
    id: number,
    accept: (jobs: SyncJob[]) => SyncJob | undefined,
  ) => waitFor(description, async () => accept(await jobsOf(id)), 20_000);
  const exactAccounts = async (name: string) =>
    (await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Accounts')).filter(
      (account) => account.Name === name,
    );
  const exactCallCount = async () => (await stack.sandboxClient.calls('exact')).calls.length;

  it('creates the account in Exact, stores the link and shows the job done', async () => {
    const agrolait = await partnerId(stack.sandboxClient, 'Agrolait');
    const event = await publishPartnerEvent(stack, agrolait);

    const job = await waitForJob('the Agrolait job to be done', agrolait, (jobs) =>
      jobs.find((j) => j.state === 'done'),
    );
    expect(job).toMatchObject({
      label: 'Agrolait',
      connectionId: stack.connection.id,
      correlationId: event.id,
      attempts: 1,
    });
    expect(job.result).toMatchObject({ action: 'created' });

    const [account] = await exactAccounts('Agrolait');
    expect(account).toMatchObject({
      VATNumber: 'BE0477472701',
      City: 'Namur',
      Postcode: '5101',
      Country: 'BE ',
      Status: 'C',
      Blocked: false,
    });
    expect(job.result?.exactAccountId).toBe(account.ID);
    const links = await stack.db.query(
      `SELECT odoo_id, exact_id, sent_hash FROM entity_link WHERE kind = 'partner'`,
    );
    expect(links).toEqual([
      { odoo_id: agrolait, exact_id: account.ID, sent_hash: expect.any(String) },
    ]);

    const detail = await stack.gatewayClient.job(job.id);
    expect(detail.attemptHistory).toHaveLength(1);
    expect(detail.attemptHistory[0].remoteCalls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: 'odoo', target: 'res.partner.search_read' }),
        expect.objectContaining({
          system: 'exact',
          method: 'POST',
          target: `${SANDBOX_DIVISION}/crm/Accounts`,
          status: 201,
        }),
      ]),
    );
  });

  it('ignores the same event delivered again (same id)', async () => {
    const agrolait = await partnerId(stack.sandboxClient, 'Agrolait');
    const [first] = await stack.db.query(
      `SELECT correlation_id FROM sync_job WHERE source_ref = $1`,
      [`res.partner/${agrolait}`],
    );
    const callsBefore = await exactCallCount();
    await publishPartnerEvent(stack, agrolait, { id: first.correlation_id });

    // A later event on the same queue tells us the duplicate has been consumed.
    const azure = await partnerId(stack.sandboxClient, 'Azure Interior');
    await publishPartnerEvent(stack, azure, {
      type: ODOO_EVENT_TYPES.partnerCreated,
      companyId: null,
    });
    await waitForJob('the sentinel job to be done', azure, (jobs) =>
      jobs.find((j) => j.state === 'done'),
    );

    expect(await jobsOf(agrolait)).toHaveLength(1);
    expect(await exactAccounts('Agrolait')).toHaveLength(1);
    const agrolaitCalls = (await stack.sandboxClient.calls('exact')).calls
      .slice(callsBefore)
      .filter((call) => call.path.includes('Agrolait'));
    expect(agrolaitCalls).toEqual([]);
    expect(
      await stack.db.query(`SELECT count(*)::int AS n FROM inbox WHERE message_id = $1`, [
        first.correlation_id,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('makes no Exact call for a new event about a partner that did not change', async () => {
    const agrolait = await partnerId(stack.sandboxClient, 'Agrolait');
    const callsBefore = await exactCallCount();
    await publishPartnerEvent(stack, agrolait);
    const job = await waitForJob('a second Agrolait job to be done', agrolait, (jobs) =>
      jobs.length === 2 && jobs[0].state === 'done' ? jobs[0] : undefined,
    );
    expect(job.result).toMatchObject({ action: 'unchanged' });
    expect(await exactCallCount()).toBe(callsBefore);
  });

  it('updates the account when the partner changed', async () => {
    const agrolait = await partnerId(stack.sandboxClient, 'Agrolait');
    await stack.sandboxClient.odooCall('res.partner', 'write', [
      [agrolait],
      { city: 'Liège', zip: '4000' },
    ]);
    await publishPartnerEvent(stack, agrolait);
    const job = await waitForJob('a third Agrolait job to be done', agrolait, (jobs) =>
      jobs.length === 3 && jobs[0].state === 'done' ? jobs[0] : undefined,
    );
    expect(job.result).toMatchObject({ action: 'updated' });
    const accounts = await exactAccounts('Agrolait');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ City: 'Liège', Postcode: '4000' });
  });

  it('retries a failing Exact call with backoff, and books it at once when an operator retries after the fault is gone', async () => {
    const deco = await partnerId(stack.sandboxClient, 'Deco Addict');
    await stack.sandboxClient.addFault({
      system: 'exact',
      method: 'POST',
      path: 'crm/Accounts',
      status: 500,
    });
    await publishPartnerEvent(stack, deco);

    const dead = await waitForJob('the Deco Addict job to use up its attempts', deco, (jobs) =>
      jobs.find((j) => j.state === 'dead'),
    );
    expect(dead).toMatchObject({ attempts: 3, errorClass: 'exact' });
    expect(dead.lastError).toContain('500');
    const { attemptHistory } = await stack.gatewayClient.job(dead.id);
    expect(attemptHistory.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed']);
    // Equal-jitter backoff with a 400 ms base: at least 200 ms before the 2nd attempt, 400 ms before the 3rd.
    const starts = attemptHistory.map((a) =>
      new Date((a as unknown as { startedAt: string }).startedAt).getTime(),
    );
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(200);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(400);
    expect(await exactAccounts('Deco Addict')).toHaveLength(0);

    await stack.sandboxClient.clearFaults();
    const retried = await stack.gatewayClient.request<SyncJob>(
      'POST',
      `/api/sync-jobs/${dead.id}/retry`,
    );
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe('pending');
    // Workers poll once a minute in this stack: only the operator's retry message makes this quick.
    const done = await waitFor(
      'the retried job to be done',
      async () => {
        const job = await stack.gatewayClient.job(dead.id);
        return job.state === 'done' ? job : undefined;
      },
      10_000,
    );
    expect(done.result).toMatchObject({ action: 'created' });
    expect(done.attemptHistory.map((a) => a.outcome)).toEqual([
      'failed',
      'failed',
      'failed',
      'succeeded',
    ]);
    expect(await exactAccounts('Deco Addict')).toHaveLength(1);
  });

  it('dead-letters malformed messages, shows them as dead jobs with the reason, and keeps consuming', async () => {
    await publishToOdooEvents(
      stack.vhost.url,
      ODOO_EVENT_TYPES.partnerUpdated,
      'this is not JSON {',
      'broken-1',
    );
    await publishToOdooEvents(stack.vhost.url, ODOO_EVENT_TYPES.partnerUpdated, {
      specversion: '1.0',
      type: ODOO_EVENT_TYPES.partnerUpdated,
      source: 'https://odoo.example.com',
      data: { db: 'demo', model: 'res.partner' },
    });
    const rejected = await waitFor('two rejected messages', async () => {
      const jobs = await stack.gatewayClient.jobs({ kind: 'message.rejected', state: 'dead' });
      return jobs.length === 2 ? jobs : undefined;
    });
    const reasons = rejected.map((job) => job.lastError ?? '').sort();
    expect(reasons[0]).toMatch(/^invalid CloudEvent: .*id: .*data\.res_id: /);
    expect(reasons[1]).toMatch(/^the message body is not JSON/);
    expect(rejected.map((job) => job.errorClass)).toEqual(['odoo', 'odoo']);
    expect(rejected.find((job) => job.lastError?.includes('not JSON'))?.payload).toMatchObject({
      body: 'this is not JSON {',
      messageId: 'broken-1',
    });
    expect(await queueDepth(stack.vhost.url, 'contacts.dead-letter')).toBe(2);

    const azure = await partnerId(stack.sandboxClient, 'Azure Interior');
    await publishPartnerEvent(stack, azure, { companyId: null });
    const job = await waitForJob('a job after the malformed messages', azure, (jobs) =>
      jobs.length === 2 && jobs[0].state === 'done' ? jobs[0] : undefined,
    );
    expect(job.state).toBe('done');
  });
});
