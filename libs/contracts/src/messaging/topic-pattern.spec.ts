import { matchesTopic } from './topic-pattern';

describe(matchesTopic.name, () => {
  it.each([
    ['odoo.res.partner.*', 'odoo.res.partner.updated', true],
    ['odoo.res.partner.*', 'odoo.res.partner', false],
    ['odoo.res.partner.*', 'odoo.res.partner.updated.extra', false],
    ['odoo.res.partner.*', 'odoo.account.move.posted', false],
    ['sync.job.ready.#', 'sync.job.ready.contact.sync', true],
    ['sync.job.ready.#', 'sync.job.ready', true],
    ['sync.job.ready.contact.#', 'sync.job.ready.invoice.sync', false],
    ['#', 'anything.at.all', true],
    ['a.#.z', 'a.z', true],
    ['a.#.z', 'a.b.c.z', true],
    ['a.#.z', 'a.b.c', false],
    ['exact', 'exact', true],
  ])('%s against %s → %s', (pattern, key, expected) => {
    expect(matchesTopic(pattern, key)).toBe(expected);
  });
});
