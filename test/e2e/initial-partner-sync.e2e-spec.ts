import type { PartnerSetupPlan } from '@app/contracts';
import { ExactClient, StaticTokenProvider, accounts } from '@app/exact-client';
import { waitFor } from '../../scripts/stack';
import { SandboxClient } from '../../scripts/sandbox-client';
import { E2eStack, SANDBOX_DIVISION, startE2eStack } from '../support/e2e-stack';

const PARTNERS = 2500;

/** The accountant's own view of the sandbox Exact (not the connector's). */
const accountantExact = (stack: E2eStack) =>
  new ExactClient({
    baseUrl: stack.sandbox.url,
    division: SANDBOX_DIVISION,
    connectionId: 'accountant',
    tokens: new StaticTokenProvider('sandbox-exact-token'),
    timeoutMs: 5000,
  });

/** Creates partners in the sandbox Odoo in batches (Odoo's create takes a list of values). */
async function seedPartners(sandbox: SandboxClient, values: Record<string, unknown>[]) {
  for (let start = 0; start < values.length; start += 500)
    await sandbox.odooCall('res.partner', 'create', [
      values.slice(start, start + 500).map((v) => ({ is_company: true, company_id: 1, ...v })),
    ]);
}

async function setupPartners(stack: E2eStack, body: object) {
  return stack.gatewayClient.request<PartnerSetupPlan & { fields?: unknown; message?: string }>(
    'POST',
    `/api/connections/${stack.connection.id}/setup/partners`,
    body,
  );
}

/** Outcomes of the setup's jobs of one kind, once every one of them has settled. */
async function settledOutcomes(stack: E2eStack, kind: string, expected: number) {
  return waitFor(
    `${expected} ${kind} jobs to settle`,
    async () => {
      const rows: {
        state: string;
        error_class: string | null;
        action: string | null;
        n: string;
      }[] = await stack.db.query(
        `SELECT state, error_class, result->>'action' AS action, count(*) AS n
             FROM sync_job WHERE kind = $1 AND correlation_id LIKE 'setup:%'
            GROUP BY 1, 2, 3`,
        [kind],
      );
      const settled = rows.filter(
        (r) => r.state === 'done' || (r.state === 'failed' && r.error_class === 'mapping'),
      );
      if (settled.reduce((sum, r) => sum + Number(r.n), 0) < expected) return undefined;
      return Object.fromEntries(
        rows.map((r) => [
          r.state === 'done' ? r.action : `${r.state}:${r.error_class}`,
          Number(r.n),
        ]),
      );
    },
    240_000,
    500,
  );
}

const exactCalls = async (stack: E2eStack) => {
  const { calls } = await stack.sandboxClient.calls('exact');
  const count = (method: string, path: RegExp) =>
    calls.filter((c) => c.method === method && path.test(c.path)).length;
  return {
    bulkReads: count('GET', /^bulk\/CRM\/Accounts$/),
    lookups: count('GET', /^crm\/Accounts/),
    creates: count('POST', /^crm\/Accounts$/),
    updates: count('PUT', /^crm\/Accounts\(/),
    writes: calls.filter((c) => c.method !== 'GET' && !c.path.startsWith('oauth2')).length,
    limited: calls.filter((c) => c.status === 429).length,
  };
};

describe('initial partner sync, Odoo is master (2,500 partners)', () => {
  let stack: E2eStack;
  /** Customers and suppliers the sandbox Odoo starts with (Agrolait, …): they are created too. */
  let demoPartners: number;

  beforeAll(async () => {
    stack = await startE2eStack({ env: { JOB_CONCURRENCY: '16' } });
    await stack.sandboxClient.setExactLimits({ minutely: 100_000, daily: 3000 });
    demoPartners = await stack.sandboxClient.odooCall<number>('res.partner', 'search_count', [
      [
        ['parent_id', '=', false],
        ['company_id', 'in', [1, false]],
        '|',
        ['customer_rank', '>', 0],
        ['supplier_rank', '>', 0],
      ],
    ]);
    // 300 accounts the accountant already has (same VAT numbers as partners 1–300) and, for
    // partners 301 and 302, two accounts each with their VAT number.
    await stack.sandboxClient.seedExactAccounts(SANDBOX_DIVISION, 300, 'Existing');
    const exact = accountantExact(stack);
    for (const vat of ['BE0999000101', 'BE0999000202'])
      for (const name of ['Twin A', 'Twin B'])
        await accounts.create(exact, { Name: `${name} ${vat}`, VATNumber: vat });
    await seedPartners(stack.sandboxClient, [
      ...Array.from({ length: PARTNERS }, (_, n) => {
        const i = n + 1;
        return {
          name: `Odoo Partner ${i}`,
          zip: String(1000 + i),
          city: 'Gent',
          customer_rank: i % 2,
          supplier_rank: i % 2 === 0 ? 1 : 0,
          ...(i <= 300 ? { vat: `NL${100_000_000 + i}B01` } : {}),
          ...(i === 301 ? { vat: 'BE0999000101' } : i === 302 ? { vat: 'BE0999000202' } : {}),
          ...(i > 302 && i % 10 === 0 ? { ref: String(10_000 + i) } : {}),
        };
      }),
      // Out of scope: neither customer nor supplier, or archived.
      ...Array.from({ length: 25 }, (_, n) => ({ name: `Lead ${n}`, customer_rank: 0 })),
      ...Array.from({ length: 5 }, (_, n) => ({
        name: `Gone ${n}`,
        customer_rank: 1,
        active: false,
      })),
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a bad request naming the field', async () => {
    const bad = await setupPartners(stack, { master: 'both', dryRun: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('master');
    expect(JSON.stringify(bad.body)).toContain('dryRun');
  });

  let dryRun: PartnerSetupPlan;

  it('answers the counts and the Exact calls needed in a dry run, with one bulk read', async () => {
    await stack.sandboxClient.clearCalls();
    const { status, body } = await setupPartners(stack, { master: 'odoo', dryRun: true });
    expect(status).toBe(200);
    dryRun = body;
    expect(dryRun).toMatchObject({
      master: 'odoo',
      dryRun: true,
      considered: PARTNERS + demoPartners,
      create: PARTNERS + demoPartners - 302,
      link: 300,
      update: 0,
      unchanged: 0,
      conflicts: 2,
      skipped: 5,
      exactCalls: {
        spent: 1,
        needed: PARTNERS + demoPartners - 2,
        remainingToday: expect.any(Number),
        fitsToday: true,
        estimatedMinutes: 1,
      },
    });
    expect(dryRun.conflictDetails.map((c) => c.name).sort()).toEqual([
      'Odoo Partner 301',
      'Odoo Partner 302',
    ]);
    expect(dryRun.conflictDetails[0].reason).toContain('2 records have the VAT number');
    // The day's budget as Exact last reported it: 3,000 less the calls made so far (authorizing, this read).
    expect(dryRun.exactCalls.remainingToday).toBeGreaterThan(2990);
    expect(dryRun.exactCalls.remainingToday).toBeLessThan(3000);
    expect(dryRun.queued).toBeUndefined();
    expect(await exactCalls(stack)).toMatchObject({ bulkReads: 1, lookups: 0, writes: 0 });
  });

  it('does in the run exactly what the dry run said, without a single lookup or 429', async () => {
    await stack.sandboxClient.clearCalls();
    const { status, body: run } = await setupPartners(stack, { master: 'odoo' });
    expect(status).toBe(200);
    expect({ ...run, queued: undefined, dryRun: true, exactCalls: undefined }).toEqual({
      ...dryRun,
      exactCalls: undefined,
    });
    expect(run.queued).toBe(PARTNERS + demoPartners);

    const outcomes = await settledOutcomes(stack, 'contact.sync', PARTNERS + demoPartners);
    expect(outcomes).toEqual({
      created: dryRun.create,
      linked: dryRun.link,
      'failed:mapping': dryRun.conflicts,
    });
    const calls = await exactCalls(stack);
    expect(calls).toEqual({
      bulkReads: 1,
      lookups: 0,
      creates: dryRun.create,
      updates: dryRun.link,
      writes: dryRun.exactCalls.needed,
      limited: 0,
    });
    // Partners with a free ref got it as their account code.
    const codes = new Set(
      (await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Accounts')).map((a) =>
        String(a.Code).trim(),
      ),
    );
    expect(codes.has('10310')).toBe(true);
    expect(codes.has('12500')).toBe(true);
    // The others are numbered after every existing and planned code, as Exact would.
    expect(codes.has('12501')).toBe(true);

    const connection = await stack.gatewayClient.request<{ settings: Record<string, unknown> }>(
      'GET',
      `/api/connections/${stack.connection.id}`,
    );
    expect(connection.body.settings).toMatchObject({ partnerMaster: 'odoo' });
  }, 300_000);

  it('finds nothing left to do in a second dry run but the two conflicts', async () => {
    const { body } = await setupPartners(stack, { master: 'odoo', dryRun: true });
    expect(body).toMatchObject({
      create: 0,
      link: 0,
      update: 0,
      unchanged: PARTNERS + demoPartners - 2,
      conflicts: 2,
      exactCalls: { needed: 0 },
    });
  });
});

describe('initial partner sync, Exact is master (2,500 accounts)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack({ odooEvents: true, env: { JOB_CONCURRENCY: '16' } });
    await stack.sandboxClient.setExactLimits({ minutely: 100_000, daily: 100_000 });
    await stack.sandboxClient.seedExactAccounts(SANDBOX_DIVISION, PARTNERS, 'Exact Account');
    const exact = accountantExact(stack);
    const [blocked] = await accounts.find(exact, `VATNumber eq 'NL${100_000_000 + PARTNERS}B01'`);
    await accounts.update(exact, blocked.ID, { Name: blocked.Name, Blocked: true });
    // Odoo knows 50 of them already (same VAT number); account 51 has two candidates in Odoo.
    await stack.sandboxClient.setOdooEvents(false);
    await seedPartners(stack.sandboxClient, [
      ...Array.from({ length: 50 }, (_, n) => ({
        name: `Known Customer ${n + 1}`,
        vat: `NL${100_000_000 + n + 1}B01`,
        customer_rank: 1,
      })),
      { name: 'Twin One', vat: `NL${100_000_051}B01` },
      { name: 'Twin Two', vat: `NL${100_000_051}B01` },
    ]);
    await stack.sandboxClient.setOdooEvents(true);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reads Exact in at most 3 bulk calls, pairs every account, and the run does what the dry run said without echoing anything back to Exact', async () => {
    await stack.sandboxClient.clearCalls();
    const { body: plan } = await setupPartners(stack, { master: 'exact', dryRun: true });
    expect(plan).toMatchObject({
      master: 'exact',
      considered: PARTNERS - 1,
      skipped: 1,
      create: PARTNERS - 1 - 51,
      link: 50,
      update: 0,
      conflicts: 1,
      exactCalls: { spent: 3, needed: 0 },
    });

    await stack.sandboxClient.clearCalls();
    const { body: run } = await setupPartners(stack, { master: 'exact' });
    expect(run).toMatchObject({
      create: plan.create,
      link: plan.link,
      conflicts: 1,
      queued: PARTNERS - 1,
    });
    const outcomes = await settledOutcomes(stack, 'contact.import', PARTNERS - 1);
    expect(outcomes).toEqual({
      created: plan.create,
      linked: plan.link,
      'failed:mapping': 1,
    });
    // Exact was read once, in bulk; nothing was written there and no partner event came back.
    expect(await exactCalls(stack)).toEqual({
      bulkReads: 3,
      lookups: 0,
      creates: 0,
      updates: 0,
      writes: 0,
      limited: 0,
    });
    const echoed = await stack.db.query(
      `SELECT count(*)::int AS n FROM sync_job WHERE kind = 'contact.sync'`,
    );
    expect(echoed).toEqual([{ n: 0 }]);

    const imported = await stack.sandboxClient.odooCall<Record<string, unknown>[]>(
      'res.partner',
      'search_read',
      [[['name', '=', 'Exact Account 10']]],
      { fields: ['ref', 'vat', 'zip', 'city', 'customer_rank', 'supplier_rank', 'country_id'] },
    );
    expect(imported).toEqual([
      expect.objectContaining({
        ref: '10',
        vat: 'NL100000010B01',
        zip: '3510',
        city: 'Utrecht',
        customer_rank: 1,
        supplier_rank: 1,
        country_id: [expect.any(Number), expect.any(String)],
      }),
    ]);
  }, 300_000);

  it('sends a later change of an imported partner to Exact as one update', async () => {
    const [id] = await stack.sandboxClient.odooCall<number[]>('res.partner', 'search', [
      [['name', '=', 'Exact Account 10']],
    ]);
    await stack.sandboxClient.clearCalls();
    await stack.sandboxClient.odooCall('res.partner', 'write', [[id], { city: 'Amersfoort' }]);
    const job = await waitFor('the change to reach Exact', async () => {
      const [latest] = await stack.gatewayClient.jobs({
        kind: 'contact.sync',
        q: `res.partner/${id}`,
      });
      return latest?.state === 'done' ? latest : undefined;
    });
    expect(job.result).toMatchObject({ action: 'updated' });
    expect(await exactCalls(stack)).toMatchObject({ writes: 1, updates: 1, lookups: 0 });
  });
});
