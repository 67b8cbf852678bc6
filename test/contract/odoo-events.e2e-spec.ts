import {
  ODOO_EVENTS_EXCHANGE,
  ODOO_EVENT_TYPES,
  OdooCloudEvent,
  assertTopology,
  parseOdooCloudEvent,
} from '@app/contracts';
import { OdooClient, OdooRpc } from '@app/odoo-client';
import { ChannelModel, ConsumeMessage, connect } from 'amqplib';
import { waitFor } from '../../scripts/stack';
import { TestVhost, createTestVhost } from '../support/infrastructure';
import { RunningSandbox, startSandbox } from '../support/sandbox';

/** The simulated Odoo publishes, like the addon will, the CloudEvents of the contract to `odoo.events`. */
describe('Odoo simulator events on odoo.events', () => {
  let vhost: TestVhost;
  let sandbox: RunningSandbox;
  let connection: ChannelModel;
  const received: { routingKey: string; messageId: string; event: OdooCloudEvent }[] = [];
  let odoo: OdooClient;

  beforeAll(async () => {
    vhost = await createTestVhost();
    sandbox = await startSandbox({ SANDBOX_ODOO_EVENTS_URL: vhost.url });
    connection = await connect(vhost.url);
    const channel = await connection.createChannel();
    await assertTopology(channel);
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, ODOO_EVENTS_EXCHANGE, 'odoo.#');
    await channel.consume(queue, (message: ConsumeMessage | null) => {
      if (!message) return;
      const parsed = parseOdooCloudEvent(JSON.parse(message.content.toString()));
      if (!parsed.ok) throw new Error(parsed.reason);
      received.push({
        routingKey: message.fields.routingKey,
        messageId: message.properties.messageId,
        event: parsed.value,
      });
      channel.ack(message);
    });
    odoo = new OdooClient(
      new OdooRpc({
        url: sandbox.url,
        db: 'demo',
        login: 'admin',
        secret: 'sandbox-odoo-api-key',
        companyId: 1,
      }),
      sandbox.url,
    );
  });

  afterAll(async () => {
    await connection?.close();
    await sandbox?.close();
    await vhost?.delete();
  });

  /** A person working in Odoo (plain JSON-RPC as admin): their changes are announced. */
  const asUser = <T>(model: string, method: string, args: unknown[]) =>
    sandbox.control.odooCall<T>(model, method, args, { context: { allowed_company_ids: [1] } });
  const eventsOf = (resId: number) => received.filter((r) => r.event.data.res_id === resId);
  const waitForEvent = (type: string, resId: number) =>
    waitFor(
      `${type} for ${resId}`,
      async () => received.find((r) => r.event.type === type && r.event.data.res_id === resId),
      5000,
    );

  it('announces a created, an updated and an archived partner, with the type as routing key and the id as message id', async () => {
    const id = await asUser<number>('res.partner', 'create', [
      { name: 'Event Test NV', company_id: 1, is_company: true },
    ]);
    const created = await waitForEvent(ODOO_EVENT_TYPES.partnerCreated, id);
    expect(created.routingKey).toBe('odoo.res.partner.created');
    expect(created.messageId).toBe(created.event.id);
    expect(created.event).toMatchObject({
      specversion: '1.0',
      source: 'https://odoo.sandbox.local/demo',
      data: { db: 'demo', company_id: 1, model: 'res.partner', res_id: id },
    });
    await asUser('res.partner', 'write', [[id], { city: 'Gent' }]);
    await waitForEvent(ODOO_EVENT_TYPES.partnerUpdated, id);
    await asUser('res.partner', 'write', [[id], { active: false }]);
    await waitForEvent(ODOO_EVENT_TYPES.partnerArchived, id);
  });

  it('announces a posted invoice, and nothing for a call that failed', async () => {
    const [journal] = await asUser<number[]>('account.journal', 'search', [
      [
        ['type', '=', 'sale'],
        ['company_id', '=', 1],
      ],
    ]);
    const [partner] = await asUser<number[]>('res.partner', 'search', [
      [['name', '=', 'Agrolait']],
    ]);
    const id = await asUser<number>('account.move', 'create', [
      {
        move_type: 'out_invoice',
        partner_id: partner,
        journal_id: journal,
        invoice_line_ids: [[0, 0, { name: 'Service', quantity: 1, price_unit: 80 }]],
      },
    ]);
    await asUser('account.move', 'action_post', [[id]]);
    const posted = await waitForEvent(ODOO_EVENT_TYPES.movePosted, id);
    expect(posted.event.data).toEqual({
      db: 'demo',
      company_id: 1,
      model: 'account.move',
      res_id: id,
    });
    await expect(asUser('account.move', 'action_post', [[id]])).rejects.toThrow(/not in draft/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eventsOf(id).map((r) => r.event.type)).toEqual([ODOO_EVENT_TYPES.movePosted]);
  });

  it('announces nothing for a write the connector makes (connector-origin context key)', async () => {
    const id = await asUser<number>('res.partner', 'create', [
      { name: 'Echo Test BV', company_id: 1, is_company: true },
    ]);
    await waitForEvent(ODOO_EVENT_TYPES.partnerCreated, id);
    await odoo.rpc.executeKw('res.partner', 'write', [[id], { city: 'Antwerpen' }]);
    const fromConnector = await odoo.rpc.executeKw<number>('res.partner', 'create', [
      { name: 'Imported From Exact NV', company_id: 1, is_company: true },
    ]);
    await asUser('res.partner', 'write', [[id], { active: false }]);
    await waitForEvent(ODOO_EVENT_TYPES.partnerArchived, id);
    expect(eventsOf(id).map((r) => r.event.type)).toEqual([
      ODOO_EVENT_TYPES.partnerCreated,
      ODOO_EVENT_TYPES.partnerArchived,
    ]);
    expect(eventsOf(fromConnector)).toEqual([]);
  });

  it('can be switched off and on', async () => {
    await fetch(`${sandbox.url}/_sandbox/odoo/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    const silent = await asUser<number>('res.partner', 'create', [
      { name: 'Silent BV', company_id: 1 },
    ]);
    await fetch(`${sandbox.url}/_sandbox/odoo/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: true }),
    });
    const loud = await asUser<number>('res.partner', 'create', [
      { name: 'Loud BV', company_id: 1 },
    ]);
    await waitForEvent(ODOO_EVENT_TYPES.partnerCreated, loud);
    expect(eventsOf(silent)).toEqual([]);
  });
});
