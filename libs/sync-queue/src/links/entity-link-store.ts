import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EntityLinkEntity, LinkKind } from '../entities/entity-link.entity';

export interface NewLink {
  connectionId: string;
  kind: LinkKind;
  odooModel: string;
  odooId: number;
  exactEntity: string;
  exactId: string;
  sentHash: string | null;
}

/** Odoo record ⇄ Exact record links. A link is written as soon as the remote record exists. */
@Injectable()
export class EntityLinkStore {
  constructor(
    @InjectRepository(EntityLinkEntity) private readonly links: Repository<EntityLinkEntity>,
  ) {}

  find(connectionId: string, kind: LinkKind, odooId: number): Promise<EntityLinkEntity | null> {
    return this.links.findOneBy({ connectionId, kind, odooId });
  }

  findByExactId(
    connectionId: string,
    kind: LinkKind,
    exactId: string,
  ): Promise<EntityLinkEntity | null> {
    return this.links.findOneBy({ connectionId, kind, exactId });
  }

  async link(link: NewLink): Promise<EntityLinkEntity> {
    await this.links.query(
      `INSERT INTO entity_link (connection_id, kind, odoo_model, odoo_id, exact_entity, exact_id, sent_hash, synced_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END)
       ON CONFLICT (connection_id, kind, odoo_id)
       DO UPDATE SET exact_entity = EXCLUDED.exact_entity, exact_id = EXCLUDED.exact_id,
                     sent_hash = EXCLUDED.sent_hash, synced_at = EXCLUDED.synced_at, updated_at = now()`,
      [
        link.connectionId,
        link.kind,
        link.odooModel,
        link.odooId,
        link.exactEntity,
        link.exactId,
        link.sentHash,
      ],
    );
    return (await this.find(link.connectionId, link.kind, link.odooId))!;
  }

  async remove(linkId: string): Promise<void> {
    await this.links.delete({ id: linkId });
  }

  async markSent(linkId: string, sentHash: string): Promise<void> {
    await this.links.update({ id: linkId }, { sentHash, syncedAt: new Date() });
  }
}
