import { isContactPerson, personToContact, splitName } from './contact-person.mapper';
import { odooPartner } from './odoo-partner.fixture';

const person = (over = {}) =>
  odooPartner({
    id: 9,
    name: 'Thomas Passot',
    isCompany: false,
    parentId: 7,
    commercialPartnerId: 7,
    email: 'thomas.passot@agrolait.example',
    phone: null,
    mobile: '+32 475 00 00 00',
    jobTitle: 'Buyer',
    ...over,
  });

describe(isContactPerson.name, () => {
  it.each([
    ['a person of a company', {}, true],
    ['a company', { parentId: null }, false],
    ['an invoice address', { type: 'invoice' }, false],
    ['a delivery address', { type: 'delivery' }, false],
    ['a contact without a name', { name: '  ' }, false],
  ])('%s → %s', (_case, over, expected) => {
    expect(isContactPerson(person(over))).toBe(expected);
  });
});

describe(personToContact.name, () => {
  it('puts the person under the company account with their names, e-mail, phones and job', () => {
    expect(personToContact(person(), 'acc-guid')).toEqual({
      Account: 'acc-guid',
      FirstName: 'Thomas',
      LastName: 'Passot',
      Email: 'thomas.passot@agrolait.example',
      Phone: null,
      Mobile: '+32 475 00 00 00',
      JobTitleDescription: 'Buyer',
    });
  });
});

describe(splitName.name, () => {
  it.each([
    ['Thomas Passot', 'Thomas', 'Passot'],
    ['Anna Maria van Dijk', 'Anna Maria', 'van Dijk'],
    ['Jan van der Berg', 'Jan', 'van der Berg'],
    ['Van Morrison', 'Van', 'Morrison'],
    ['  Madonna ', null, 'Madonna'],
  ])('%s → %s / %s', (name, firstName, lastName) => {
    expect(splitName(name)).toEqual({ firstName, lastName });
  });
});
