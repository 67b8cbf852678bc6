import type { ExactContactWrite } from '@app/exact-client';
import type { OdooPartner } from '@app/odoo-client';

/** A person of a company (a child partner of type contact with a name) becomes a crm/Contact. */
export function isContactPerson(partner: OdooPartner): boolean {
  return partner.parentId !== null && partner.type === 'contact' && partner.name.trim() !== '';
}

/** The crm/Contacts record of a person, under the Exact account of their company. */
export function personToContact(person: OdooPartner, accountId: string): ExactContactWrite {
  const { firstName, lastName } = splitName(person.name);
  return {
    Account: accountId,
    FirstName: firstName,
    LastName: lastName,
    Email: person.email,
    Phone: person.phone,
    Mobile: person.mobile,
    JobTitleDescription: person.jobTitle,
  };
}

/** Name particles that belong to the last name ("Anna de Vries", "Jan van der Berg"). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'dos',
]);

/**
 * Odoo keeps one name; Exact wants first and last. The last word, with the lowercase particles
 * before it, is the last name ("Thomas Passot" → Thomas / Passot, "Jan van der Berg" → Jan / van
 * der Berg); a single word is a last name only.
 */
export function splitName(name: string): { firstName: string | null; lastName: string } {
  const words = name.trim().split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1])) start -= 1;
  const firstName = words.slice(0, start).join(' ');
  return { firstName: firstName === '' ? null : firstName, lastName: words.slice(start).join(' ') };
}
