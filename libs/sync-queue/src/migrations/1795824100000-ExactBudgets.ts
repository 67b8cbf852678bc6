import { MigrationInterface, QueryRunner } from 'typeorm';

/** Exact Online's per-division call budgets, shared by every process (see libs/exact-client/src/budget). */
export class ExactBudgets1795824100000 implements MigrationInterface {
  name = 'ExactBudgets1795824100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE exact_rate_budget (
        division           integer PRIMARY KEY,
        minutely_limit     integer NOT NULL,
        minutely_remaining integer NOT NULL,
        minutely_reset_at  timestamptz NOT NULL,
        daily_limit        integer NOT NULL,
        daily_remaining    integer NOT NULL,
        daily_reset_at     timestamptz NOT NULL,
        in_flight          integer NOT NULL DEFAULT 0,
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE exact_error_log (
        id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        division integer NOT NULL,
        endpoint text NOT NULL,
        status   integer NOT NULL,
        at       timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX exact_error_log_window_idx ON exact_error_log (division, endpoint, at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE exact_error_log`);
    await db.query(`DROP TABLE exact_rate_budget`);
  }
}
