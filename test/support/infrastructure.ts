import { runMigrations } from '@app/sync-queue';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** Where the tests find PostgreSQL and RabbitMQ (this machine's defaults unless overridden). */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_RABBITMQ_URL =
  process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with every migration applied; dropped (connections and all) by `drop`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('connector_test');
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestVhost {
  url: string;
  name: string;
  delete(): Promise<void>;
}

/**
 * How to run rabbitmqctl: on this machine directly; with RabbitMQ in Docker, for example
 * TEST_RABBITMQCTL="docker compose exec -T rabbitmq rabbitmqctl".
 */
const RABBITMQCTL = (process.env.TEST_RABBITMQCTL ?? 'rabbitmqctl').split(' ');
const rabbitmqctl = (...args: string[]) =>
  run(RABBITMQCTL[0], [...RABBITMQCTL.slice(1), '-q', ...args]);

/** A RabbitMQ virtual host of its own, so exchanges and queues of two runs never meet. */
export async function createTestVhost(): Promise<TestVhost> {
  const name = uniqueName('connector_test');
  const url = new URL(TEST_RABBITMQ_URL);
  await rabbitmqctl('add_vhost', name);
  await rabbitmqctl(
    'set_permissions',
    '-p',
    name,
    decodeURIComponent(url.username) || 'guest',
    '.*',
    '.*',
    '.*',
  );
  url.pathname = `/${encodeURIComponent(name)}`;
  return {
    url: url.toString(),
    name,
    async delete() {
      await rabbitmqctl('delete_vhost', name);
    },
  };
}
