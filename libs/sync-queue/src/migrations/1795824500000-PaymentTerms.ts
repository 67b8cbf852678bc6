import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payment terms of booked entries as Exact last reported them (sync/Cashflow/PaymentTerms):
 * the poll keeps them, and what an invoice's payments must be is worked out from all of its terms,
 * not only from those that changed in one poll.
 */
export class PaymentTerms1795824500000 implements MigrationInterface {
  name = 'PaymentTerms1795824500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE exact_payment_term (
        connection_id          uuid NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
        term_id                text NOT NULL,
        entry_id               text NOT NULL,
        line_type              integer NOT NULL,
        status                 integer NOT NULL,
        amount_fc              numeric(18, 2) NOT NULL,
        transaction_amount_fc  numeric(18, 2) NOT NULL,
        last_payment_date      timestamptz,
        exact_timestamp        bigint NOT NULL,
        updated_at             timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, term_id)
      )`);
    await db.query(
      `CREATE INDEX exact_payment_term_entry_idx ON exact_payment_term (connection_id, entry_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE exact_payment_term`);
  }
}
