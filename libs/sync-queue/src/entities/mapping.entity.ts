import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const MAPPING_KINDS = ['journal', 'account', 'tax', 'payment_term', 'bank_journal'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

/** Which Exact code an Odoo journal, account, tax or payment term stands for, per connection. */
@Entity('mapping')
export class MappingEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @Column({ type: 'text' })
  kind: MappingKind;

  @Column({ name: 'odoo_id', type: 'integer' })
  odooId: number;

  @Column({ name: 'exact_code', type: 'text', nullable: true })
  exactCode: string | null;

  /** The Exact record's ID where entries need it (G/L accounts are referenced by GUID). */
  @Column({ name: 'exact_id', type: 'text', nullable: true })
  exactId: string | null;

  /** A journal switched off: its invoices are not synced. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
