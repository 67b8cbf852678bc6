import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** partner ⇄ crm/Accounts, contact (a person of a company) ⇄ crm/Contacts, move ⇄ entry, payment ⇄ term. */
export const LINK_KINDS = ['partner', 'contact', 'move', 'payment'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** An Odoo record and the Exact Online record it is synced with, per connection. */
@Entity('entity_link')
export class EntityLinkEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @Column({ type: 'text' })
  kind: LinkKind;

  @Column({ name: 'odoo_model', type: 'text' })
  odooModel: string;

  @Column({ name: 'odoo_id', type: 'integer' })
  odooId: number;

  /** Exact entity set, e.g. 'crm/Accounts'. */
  @Column({ name: 'exact_entity', type: 'text' })
  exactEntity: string;

  @Column({ name: 'exact_id', type: 'text' })
  exactId: string;

  /** Hash of what was last sent to Exact; an unchanged record costs no call. */
  @Column({ name: 'sent_hash', type: 'text', nullable: true })
  sentHash: string | null;

  @Column({ name: 'synced_at', type: 'timestamptz', nullable: true })
  syncedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
