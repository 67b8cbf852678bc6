import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795824000000 implements MigrationInterface {
  name = 'InitialSchema1795824000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE connection (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name            text NOT NULL,
        odoo_url        text NOT NULL,
        odoo_db         text NOT NULL,
        odoo_login      text NOT NULL,
        odoo_secret     text NOT NULL,
        odoo_company_id integer NOT NULL,
        exact_country   text NOT NULL CHECK (exact_country IN ('nl','be','de','co.uk','com','fr','es')),
        exact_division  integer,
        features        jsonb NOT NULL DEFAULT '{"contacts":true,"sales":true,"purchases":true,"payments":true}',
        status          text NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft','authorized','ready','reauthorization_required','error')),
        status_reason   text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT connection_odoo_company_unique UNIQUE (odoo_url, odoo_db, odoo_company_id)
      )`);
    await db.query(`CREATE INDEX connection_odoo_db_idx ON connection (odoo_db, odoo_company_id)`);

    await db.query(`
      CREATE TABLE exact_token (
        connection_id         uuid PRIMARY KEY REFERENCES connection (id) ON DELETE CASCADE,
        access_token          text NOT NULL,
        refresh_token         text NOT NULL,
        access_expires_at     timestamptz NOT NULL,
        last_token_request_at timestamptz NOT NULL,
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE sync_job (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        connection_id    uuid REFERENCES connection (id) ON DELETE CASCADE,
        kind             text NOT NULL,
        direction        text NOT NULL CHECK (direction IN ('odoo_to_exact','exact_to_odoo','internal')),
        source_model     text,
        source_id        text,
        source_ref       text NOT NULL,
        label            text,
        dedup_key        text NOT NULL,
        state            text NOT NULL DEFAULT 'pending'
                         CHECK (state IN ('pending','running','done','failed','dead','cancelled')),
        priority         smallint NOT NULL DEFAULT 0,
        attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        max_attempts     integer NOT NULL CHECK (max_attempts > 0),
        next_run_at      timestamptz DEFAULT now(),
        locked_by        text,
        lease_expires_at timestamptz,
        rerun_requested  boolean NOT NULL DEFAULT false,
        last_error       text,
        error_class      text CHECK (error_class IN ('mapping','odoo','exact','connector')),
        payload          jsonb NOT NULL DEFAULT '{}',
        result           jsonb,
        correlation_id   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        finished_at      timestamptz,
        CONSTRAINT sync_job_running_has_lease
          CHECK (state <> 'running' OR (locked_by IS NOT NULL AND lease_expires_at IS NOT NULL))
      )`);
    // At most one job with work ahead per dedup key: enqueueing the same work again is a no-op.
    await db.query(`
      CREATE UNIQUE INDEX sync_job_dedup_active_idx ON sync_job (dedup_key)
        WHERE state IN ('pending','running','failed')`);
    await db.query(
      `CREATE INDEX sync_job_claim_idx ON sync_job (next_run_at, id) WHERE state = 'pending'`,
    );
    await db.query(
      `CREATE INDEX sync_job_retry_due_idx ON sync_job (next_run_at) WHERE state = 'failed'`,
    );
    await db.query(
      `CREATE INDEX sync_job_lease_idx ON sync_job (lease_expires_at) WHERE state = 'running'`,
    );
    await db.query(`CREATE INDEX sync_job_state_idx ON sync_job (state, id DESC)`);
    await db.query(`CREATE INDEX sync_job_kind_idx ON sync_job (kind, id DESC)`);
    await db.query(`CREATE INDEX sync_job_connection_idx ON sync_job (connection_id, id DESC)`);

    await db.query(`
      CREATE TABLE sync_job_attempt (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job_id        bigint NOT NULL REFERENCES sync_job (id) ON DELETE CASCADE,
        attempt_no    integer NOT NULL,
        worker_id     text NOT NULL,
        started_at    timestamptz NOT NULL DEFAULT now(),
        finished_at   timestamptz,
        outcome       text CHECK (outcome IN
                        ('succeeded','failed','waiting_for_operator','deferred','lease_expired','abandoned')),
        error_class   text CHECK (error_class IN ('mapping','odoo','exact','connector')),
        error_message text,
        remote_calls  jsonb NOT NULL DEFAULT '[]'
      )`);
    await db.query(`CREATE INDEX sync_job_attempt_job_idx ON sync_job_attempt (job_id, id)`);

    await db.query(`
      CREATE TABLE entity_link (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        connection_id uuid NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
        kind          text NOT NULL CHECK (kind IN ('partner','move','payment')),
        odoo_model    text NOT NULL,
        odoo_id       integer NOT NULL,
        exact_entity  text NOT NULL,
        exact_id      text NOT NULL,
        sent_hash     text,
        synced_at     timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT entity_link_odoo_unique UNIQUE (connection_id, kind, odoo_id),
        CONSTRAINT entity_link_exact_unique UNIQUE (connection_id, kind, exact_id)
      )`);

    await db.query(`
      CREATE TABLE mapping (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        connection_id uuid NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
        kind          text NOT NULL CHECK (kind IN ('journal','account','tax','payment_term','bank_journal')),
        odoo_id       integer NOT NULL,
        exact_code    text,
        exact_id      text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mapping_unique UNIQUE (connection_id, kind, odoo_id)
      )`);

    await db.query(`
      CREATE TABLE sync_cursor (
        connection_id uuid NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
        name          text NOT NULL,
        value         text NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, name)
      )`);

    await db.query(`
      CREATE TABLE inbox (
        consumer    text NOT NULL,
        message_id  text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
    await db.query(`CREATE INDEX inbox_received_idx ON inbox (received_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'inbox',
      'sync_cursor',
      'mapping',
      'entity_link',
      'sync_job_attempt',
      'sync_job',
      'exact_token',
      'connection',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
