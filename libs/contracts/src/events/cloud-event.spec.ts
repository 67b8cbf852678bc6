import { parseOdooCloudEvent } from './cloud-event';

const valid = {
  specversion: '1.0',
  id: '3f0c7e3e-1a7b-4bb0-9d2c-6a1f0c9d0e11',
  source: 'https://odoo.example.com/prod',
  type: 'odoo.res.partner.updated',
  time: '2026-11-28T09:15:02Z',
  datacontenttype: 'application/json',
  data: { db: 'prod', company_id: 1, model: 'res.partner', res_id: 42 },
};

describe(parseOdooCloudEvent.name, () => {
  it('accepts the envelope of the architecture page', () => {
    const result = parseOdooCloudEvent(valid);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ id: valid.id }) });
  });

  it('accepts a shared record without company and without optional attributes', () => {
    const { time: _t, datacontenttype: _d, ...minimal } = valid;
    const result = parseOdooCloudEvent({
      ...minimal,
      data: { db: 'prod', model: 'res.partner', res_id: 7 },
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['not an object', 'hello', 'not a JSON object'],
    ['an array', [valid], 'not a JSON object'],
    ['a missing id', { ...valid, id: undefined }, 'id:'],
    ['a wrong specversion', { ...valid, specversion: '0.3' }, 'specversion:'],
    ['an unknown type', { ...valid, type: 'odoo.sale.order.created' }, 'type:'],
    ['a bad time', { ...valid, time: 'yesterday' }, 'time:'],
    ['missing data', { ...valid, data: undefined }, 'data:'],
    ['a missing res_id', { ...valid, data: { ...valid.data, res_id: undefined } }, 'data.res_id:'],
    ['a string res_id', { ...valid, data: { ...valid.data, res_id: '42' } }, 'data.res_id:'],
    [
      'a model that does not match the type',
      { ...valid, data: { ...valid.data, model: 'account.move' } },
      "data.model is 'account.move'",
    ],
  ])('rejects %s and says why', (_case, body, reason) => {
    const result = parseOdooCloudEvent(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
