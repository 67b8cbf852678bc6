import { CONTACTS_PATTERNS, ContactsEnsureReply } from '@app/contracts';
import { ExactClient, StaticTokenProvider, accounts } from '@app/exact-client';
import { SyncJob } from '../../scripts/gateway-client';
import { waitFor } from '../../scripts/stack';
import { rpcRequest } from '../support/amqp-rpc';
import {
  E2eStack,
  SANDBOX_DIVISION,
  createPartner,
  publishPartnerEvent,
  startE2eStack,
} from '../support/e2e-stack';

/**
 * Contacts sync against the simulators, every app its own process: what an Odoo partner becomes in
 * Exact Online, and every way the connector avoids creating an account twice.
 */
describe('contacts sync', () => {
  let stack: E2eStack;
  let exact: ExactClient;

  beforeAll(async () => {
    stack = await startE2eStack();
    // The operator's (and the accountant's) own view of Exact, not the connector's.
    exact = new ExactClient({
      baseUrl: stack.sandbox.url,
      division: SANDBOX_DIVISION,
      connectionId: 'accountant',
      tokens: new StaticTokenProvider('sandbox-exact-token'),
      timeoutMs: 5000,
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Publishes a partner event and waits until its newest job has settled (done or failed). */
  async function syncPartner(id: number): Promise<SyncJob> {
    const event = await publishPartnerEvent(stack, id);
    return waitFor(
      `the job of res.partner ${id}`,
      async () => {
        const jobs = await stack.gatewayClient.jobs({
          kind: 'contact.sync',
          q: `res.partner/${id}`,
        });
        return jobs.find(
          (j) =>
            j.correlationId === event.id &&
            (j.state === 'done' || (j.state === 'failed' && j.errorClass === 'mapping')),
        );
      },
      20_000,
    );
  }
  const accountsNamed = async (name: string) =>
    (await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Accounts')).filter(
      (a) => a.Name === name,
    );
  const exactWrites = async () =>
    (await stack.sandboxClient.calls('exact')).calls.filter(
      (c) => c.method !== 'GET' && !c.path.startsWith('oauth2'),
    );

  let brasserie: number;
  let brasserieAccount: string;

  it('creates the account with code, registry, language, payment condition and supplier flag; a person of it becomes a contact', async () => {
    const [days30] = await stack.sandboxClient.odooCall<number[]>(
      'account.payment.term',
      'search',
      [[['name', '=', '30 Days']]],
    );
    await stack.db.query(
      `INSERT INTO mapping (connection_id, kind, odoo_id, exact_code) VALUES ($1, 'payment_term', $2, '30')`,
      [stack.connection.id, days30],
    );
    brasserie = await createPartner(stack.sandboxClient, {
      name: 'Brasserie De Koninck',
      ref: '4711',
      vat: 'BE 0404.551.812',
      company_registry: '0404551812',
      street: 'Mechelsesteenweg 291',
      zip: '2018',
      city: 'Antwerpen',
      lang: 'nl_BE',
      email: 'info@dekoninck.example',
      supplier_rank: 1,
      property_payment_term_id: days30,
    });
    const person = await stack.sandboxClient.odooCall<number>('res.partner', 'create', [
      {
        name: 'Jan van der Berg',
        parent_id: brasserie,
        function: 'Buyer',
        email: 'jan@dekoninck.example',
        company_id: 1,
      },
    ]);

    // The person's event first: its job waits for the company's account, which its own job creates.
    const personJob = await syncPartner(person);
    expect(personJob.result).toMatchObject({ action: 'created' });
    const [account] = await accountsNamed('Brasserie De Koninck');
    brasserieAccount = String(account.ID);
    expect(account).toMatchObject({
      Code: '4711'.padStart(18, ' '),
      VATNumber: 'BE0404551812',
      ChamberOfCommerce: '0404551812',
      Language: 'NL',
      PaymentConditionSales: '30',
      Status: 'C',
      IsSupplier: true,
      City: 'Antwerpen',
    });
    const contacts = (
      await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Contacts')
    ).filter((c) => c.Account === account.ID);
    expect(contacts).toEqual([
      expect.objectContaining({
        FirstName: 'Jan',
        LastName: 'van der Berg',
        Email: 'jan@dekoninck.example',
        JobTitleDescription: 'Buyer',
      }),
    ]);
    expect(personJob.result).toMatchObject({ exactAccountId: account.ID });
  });

  it('makes no Exact call for an unchanged partner, one PUT for a change, and blocks the account of an archived one', async () => {
    await stack.sandboxClient.clearCalls();
    expect((await syncPartner(brasserie)).result).toMatchObject({ action: 'unchanged' });
    expect((await stack.sandboxClient.calls('exact')).calls).toEqual([]);

    await stack.sandboxClient.odooCall('res.partner', 'write', [[brasserie], { city: 'Berchem' }]);
    expect((await syncPartner(brasserie)).result).toMatchObject({ action: 'updated' });
    expect((await exactWrites()).map((c) => c.method)).toEqual(['PUT']);
    expect(await accountsNamed('Brasserie De Koninck')).toEqual([
      expect.objectContaining({ City: 'Berchem', Blocked: false, Code: '4711'.padStart(18, ' ') }),
    ]);

    await stack.sandboxClient.odooCall('res.partner', 'write', [[brasserie], { active: false }]);
    expect((await syncPartner(brasserie)).result).toMatchObject({ action: 'updated' });
    expect(await accountsNamed('Brasserie De Koninck')).toEqual([
      expect.objectContaining({ Blocked: true }),
    ]);
  });

  it('links the account an accountant already made (same VAT number) instead of creating a second', async () => {
    const existing = await accounts.create(exact, {
      Name: 'Duvel Moortgat NV',
      VATNumber: 'BE0400764403',
      City: 'Puurs',
    });
    const duvel = await createPartner(stack.sandboxClient, {
      name: 'Duvel Moortgat',
      vat: 'BE0400.764.403',
      city: 'Puurs-Sint-Amands',
    });
    const job = await syncPartner(duvel);
    expect(job.result).toMatchObject({
      action: 'linked',
      matchedBy: 'vat',
      exactAccountId: existing.ID,
    });
    const sameVat = (
      await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Accounts')
    ).filter((a) => a.VATNumber === 'BE0400764403');
    expect(sameVat).toEqual([
      expect.objectContaining({
        ID: existing.ID,
        Name: 'Duvel Moortgat',
        City: 'Puurs-Sint-Amands',
      }),
    ]);
  });

  it('fails an ambiguous match as a mapping error naming the candidates; once they are distinct, a retry links', async () => {
    const first = await accounts.create(exact, {
      Name: 'Palm Breweries',
      VATNumber: 'BE0400232925',
    });
    const second = await accounts.create(exact, {
      Name: 'Palm Belgian Craft Brewers',
      VATNumber: 'BE0400232925',
    });
    const palm = await createPartner(stack.sandboxClient, { name: 'Palm', vat: 'BE0400232925' });
    const job = await syncPartner(palm);
    expect(job).toMatchObject({ state: 'failed', errorClass: 'mapping', attempts: 0 });
    expect(job.lastError).toContain(first.ID);
    expect(job.lastError).toContain(second.ID);
    expect(job.lastError).toContain('2 records have the VAT number');
    await stack.sandboxClient.clearCalls();
    expect(await exactWrites()).toEqual([]);

    // The accountant corrects the second account's VAT number in Exact; the operator retries.
    await accounts.update(exact, second.ID, {
      Name: 'Palm Belgian Craft Brewers',
      VATNumber: 'BE0999999913',
    });
    const retried = await stack.gatewayClient.request('POST', `/api/sync-jobs/${job.id}/retry`);
    expect(retried.status).toBe(200);
    const done = await waitFor('the retried job', async () => {
      const detail = await stack.gatewayClient.job(job.id);
      return detail.state === 'done' ? detail : undefined;
    });
    expect(done.result).toMatchObject({ action: 'linked', exactAccountId: first.ID });
  });

  it('never reuses a code another account has: Exact assigns one', async () => {
    const copycat = await createPartner(stack.sandboxClient, {
      name: 'Koninck Imports',
      ref: '4711',
      zip: '9000',
    });
    const job = await syncPartner(copycat);
    expect(job.result).toMatchObject({ action: 'created' });
    expect(job.result?.exactAccountCode).not.toBe('4711');
    expect(job.result?.exactAccountCode).toMatch(/^\d+$/);
    expect(
      (await stack.sandboxClient.exactRecords(SANDBOX_DIVISION, 'crm/Accounts')).filter(
        (a) => String(a.Code).trim() === '4711',
      ),
    ).toEqual([expect.objectContaining({ ID: brasserieAccount })]);
  });

  it('skips partners outside the counted ranks, and contacts.ensure creates them anyway', async () => {
    const prospect = await createPartner(stack.sandboxClient, {
      name: 'Prospect Without Orders',
      customer_rank: 0,
      zip: '1000',
    });
    expect((await syncPartner(prospect)).result).toMatchObject({ action: 'skipped' });
    expect(await accountsNamed('Prospect Without Orders')).toEqual([]);

    const ensured = await rpcRequest<ContactsEnsureReply>(
      stack.vhost.url,
      CONTACTS_PATTERNS.ensure,
      {
        connectionId: stack.connection.id,
        partnerId: prospect,
      },
    );
    const [account] = await accountsNamed('Prospect Without Orders');
    expect(ensured).toEqual({ ok: true, exactAccountId: account.ID, partnerId: prospect });

    await stack.sandboxClient.clearCalls();
    const again = await rpcRequest<ContactsEnsureReply>(stack.vhost.url, CONTACTS_PATTERNS.ensure, {
      connectionId: stack.connection.id,
      partnerId: prospect,
    });
    expect(again).toEqual(ensured);
    expect((await stack.sandboxClient.calls('exact')).calls).toEqual([]);
  });

  it('answers contacts.ensure for a person with the account of their company, and refuses nonsense', async () => {
    const [person] = await stack.sandboxClient.odooCall<number[]>('res.partner', 'search', [
      [['name', '=', 'Jan van der Berg']],
    ]);
    const reply = await rpcRequest<ContactsEnsureReply>(stack.vhost.url, CONTACTS_PATTERNS.ensure, {
      connectionId: stack.connection.id,
      partnerId: person,
    });
    expect(reply).toEqual({ ok: true, exactAccountId: brasserieAccount, partnerId: brasserie });
    const invalid = await rpcRequest<ContactsEnsureReply>(
      stack.vhost.url,
      CONTACTS_PATTERNS.ensure,
      {
        connectionId: 'not-a-uuid',
      },
    );
    expect(invalid).toMatchObject({
      ok: false,
      errorClass: 'mapping',
      message: expect.stringContaining('connectionId'),
    });
  });

  it('counts only suppliers once the connection says so, and refuses a rank it does not know', async () => {
    const bad = await stack.gatewayClient.request(
      'PATCH',
      `/api/connections/${stack.connection.id}`,
      {
        settings: { partnerRanks: ['customer', 'reseller'] },
      },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('partnerRanks');
    const patched = await stack.gatewayClient.request<{ settings: Record<string, unknown> }>(
      'PATCH',
      `/api/connections/${stack.connection.id}`,
      { settings: { partnerRanks: ['supplier'] } },
    );
    expect(patched.body.settings).toMatchObject({
      partnerRanks: ['supplier'],
      partnerMatchOrder: ['vat', 'code', 'name_postcode'],
    });
    const customer = await createPartner(stack.sandboxClient, {
      name: 'Only A Customer',
      zip: '2000',
    });
    expect((await syncPartner(customer)).result).toMatchObject({ action: 'skipped' });
  });
});
