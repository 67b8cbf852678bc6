import { MappingError } from '@app/common';
import { ExactClient, and, contacts, eq, odata } from '@app/exact-client';
import type { OdooPartner } from '@app/odoo-client';
import { ConnectionEntity, EntityLinkStore } from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import { personToContact } from './contact-person.mapper';
import { accountFingerprint } from './partner-account.mapper';

export interface PersonSyncResult {
  [key: string]: unknown;
  action: 'unchanged' | 'updated' | 'linked' | 'created';
  exactContactId: string;
  exactAccountId: string;
}

/**
 * Makes a person of a company a crm/Contacts record of the company's Exact account: linked and
 * unchanged → no call; linked → PUT; not linked → the account's contact with the same e-mail (or,
 * without one, the same first and last name) is linked instead of creating a duplicate.
 */
@Injectable()
export class PersonSync {
  constructor(private readonly links: EntityLinkStore) {}

  async sync(
    connection: ConnectionEntity,
    exact: ExactClient,
    person: OdooPartner,
    exactAccountId: string,
  ): Promise<PersonSyncResult> {
    const contact = personToContact(person, exactAccountId);
    const fingerprint = accountFingerprint(contact);
    const result = (action: PersonSyncResult['action'], exactContactId: string) => ({
      action,
      exactContactId,
      exactAccountId,
    });
    const link = await this.links.find(connection.id, 'contact', person.id);
    if (link) {
      if (link.sentHash === fingerprint) return result('unchanged', link.exactId);
      await contacts.update(exact, link.exactId, contact);
      await this.links.markSent(link.id, fingerprint);
      return result('updated', link.exactId);
    }

    const sameAccount = eq('Account', odata.guid(exactAccountId));
    const filter = contact.Email
      ? and(sameAccount, eq('Email', odata.string(contact.Email)))
      : and(
          sameAccount,
          eq('LastName', odata.string(contact.LastName!)),
          contact.FirstName
            ? eq('FirstName', odata.string(contact.FirstName))
            : 'FirstName eq null',
        );
    const existing = await contacts.find(exact, filter);
    if (existing.length > 1)
      throw new MappingError(
        `${existing.length} contacts of Exact account ${exactAccountId} match res.partner ${person.id} (${person.name}): ${existing.map((c) => `${c.FullName} (${c.ID})`).join('; ')}. Remove the duplicates in Exact, then retry.`,
      );
    const newLink = (exactId: string, sentHash: string | null) => ({
      connectionId: connection.id,
      kind: 'contact' as const,
      odooModel: 'res.partner',
      odooId: person.id,
      exactEntity: contacts.path,
      exactId,
      sentHash,
    });
    if (existing.length === 1) {
      const linked = await this.links.link(newLink(existing[0].ID, null));
      await contacts.update(exact, existing[0].ID, contact);
      await this.links.markSent(linked.id, fingerprint);
      return result('linked', existing[0].ID);
    }
    const created = await contacts.create(exact, contact);
    await this.links.link(newLink(created.ID, fingerprint));
    return result('created', created.ID);
  }
}
