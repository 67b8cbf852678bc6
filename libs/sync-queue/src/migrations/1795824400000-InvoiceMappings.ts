import { MigrationInterface, QueryRunner } from 'typeorm';

/** A mapped journal can be switched off: its invoices are then not synced. */
export class InvoiceMappings1795824400000 implements MigrationInterface {
  name = 'InvoiceMappings1795824400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mapping ADD COLUMN enabled boolean NOT NULL DEFAULT true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mapping DROP COLUMN enabled`);
  }
}
