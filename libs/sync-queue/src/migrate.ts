import { Logger } from '@nestjs/common';
import { Expose } from 'class-transformer';
import { DataSource } from 'typeorm';
import { IsServiceUrl, loadConfig, runProcess } from '@app/common';
import { connectorDataSourceOptions } from './data-source';

class MigrateConfig {
  @Expose()
  @IsServiceUrl(['postgres', 'postgresql'])
  DATABASE_URL: string;
}

/** Applies every pending migration, each in its own transaction (`npm run migrate`). */
export async function runMigrations(databaseUrl: string, log?: Logger): Promise<string[]> {
  const dataSource = new DataSource(connectorDataSourceOptions(databaseUrl, 1));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) log?.log(`applied ${migration.name}`);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runProcess('migrate', async () => {
    const { DATABASE_URL } = loadConfig(MigrateConfig);
    const log = new Logger('migrate');
    const applied = await runMigrations(DATABASE_URL, log);
    log.log(
      applied.length === 0 ? 'the schema is up to date' : `${applied.length} migration(s) applied`,
    );
  });
}
