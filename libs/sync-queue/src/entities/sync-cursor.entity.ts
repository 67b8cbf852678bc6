import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A high-water mark per connection: an Exact sync Timestamp, an Odoo write_date. */
@Entity('sync_cursor')
export class SyncCursorEntity {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
