import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-connection sync settings (which partners count, how they are matched, who is master), and
 * links of contact persons to crm/Contacts.
 */
export class ConnectionSettings1795824300000 implements MigrationInterface {
  name = 'ConnectionSettings1795824300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE connection ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE entity_link DROP CONSTRAINT entity_link_kind_check`);
    await db.query(
      `ALTER TABLE entity_link ADD CONSTRAINT entity_link_kind_check CHECK (kind IN ('partner','contact','move','payment'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM entity_link WHERE kind = 'contact'`);
    await db.query(`ALTER TABLE entity_link DROP CONSTRAINT entity_link_kind_check`);
    await db.query(
      `ALTER TABLE entity_link ADD CONSTRAINT entity_link_kind_check CHECK (kind IN ('partner','move','payment'))`,
    );
    await db.query(`ALTER TABLE connection DROP COLUMN settings`);
  }
}
