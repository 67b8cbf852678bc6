import { DataSource, DataSourceOptions } from 'typeorm';
import { CONNECTOR_ENTITIES } from './entities';
import { InitialSchema1795824000000 } from './migrations/1795824000000-InitialSchema';
import { ExactBudgets1795824100000 } from './migrations/1795824100000-ExactBudgets';
import { ExactAuthorization1795824200000 } from './migrations/1795824200000-ExactAuthorization';
import { ConnectionSettings1795824300000 } from './migrations/1795824300000-ConnectionSettings';
import { InvoiceMappings1795824400000 } from './migrations/1795824400000-InvoiceMappings';
import { PaymentTerms1795824500000 } from './migrations/1795824500000-PaymentTerms';

export const CONNECTOR_MIGRATIONS = [
  InitialSchema1795824000000,
  ExactBudgets1795824100000,
  ExactAuthorization1795824200000,
  ConnectionSettings1795824300000,
  InvoiceMappings1795824400000,
  PaymentTerms1795824500000,
];

/**
 * The one database definition: Nest (TypeOrmModule), the migration command and the TypeORM CLI
 * (`typeorm migration:show -d dist/libs/sync-queue/src/data-source.js`) all use it. The schema is
 * changed by migrations only, never by `synchronize`.
 */
export function connectorDataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: CONNECTOR_ENTITIES,
    migrations: CONNECTOR_MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, application_name: process.title },
  };
}

/** For the TypeORM CLI; reads DATABASE_URL when the CLI loads this file. */
export default new DataSource(connectorDataSourceOptions(process.env.DATABASE_URL ?? ''));
