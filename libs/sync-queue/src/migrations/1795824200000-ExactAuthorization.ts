import { MigrationInterface, QueryRunner } from 'typeorm';

/** What connecting to Exact Online records: the authorizing user, the divisions they granted, and OAuth states. */
export class ExactAuthorization1795824200000 implements MigrationInterface {
  name = 'ExactAuthorization1795824200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE connection ADD COLUMN exact_user_id text, ADD COLUMN exact_user_name text, ADD COLUMN exact_divisions jsonb`,
    );
    await db.query(`
      CREATE TABLE oauth_state (
        nonce         text PRIMARY KEY,
        connection_id uuid NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE oauth_state`);
    await db.query(
      `ALTER TABLE connection DROP COLUMN exact_user_id, DROP COLUMN exact_user_name, DROP COLUMN exact_divisions`,
    );
  }
}
