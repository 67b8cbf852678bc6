import { IsBase64Key, IsServiceUrl, SecretBox, loadConfig, runProcess } from '@app/common';
import { Logger } from '@nestjs/common';
import { Expose } from 'class-transformer';
import { DataSource } from 'typeorm';
import { connectorDataSourceOptions } from './data-source';

class RotateKeyConfig {
  @Expose()
  @IsServiceUrl(['postgres', 'postgresql'])
  DATABASE_URL: string;

  /** The key the secrets are encrypted with now. */
  @Expose()
  @IsBase64Key(32)
  TOKEN_ENCRYPTION_KEY: string;

  /** The key to encrypt them with from now on. */
  @Expose()
  @IsBase64Key(32)
  NEW_TOKEN_ENCRYPTION_KEY: string;
}

/**
 * Re-encrypts every secret at rest — Odoo credentials and Exact tokens — from the current key to a
 * new one, in one transaction (all or nothing). Stop the services first (or accept that token
 * refreshes wait), run this, then restart every process with the new TOKEN_ENCRYPTION_KEY.
 */
export async function rotateEncryptionKey(
  databaseUrl: string,
  currentKey: string,
  newKey: string,
): Promise<{ connections: number; tokens: number }> {
  const [from, to] = [new SecretBox(currentKey), new SecretBox(newKey)];
  const db = new DataSource(connectorDataSourceOptions(databaseUrl, 1));
  await db.initialize();
  try {
    return await db.transaction(async (manager) => {
      const connections: { id: string; odoo_secret: string }[] = await manager.query(
        `SELECT id, odoo_secret FROM connection FOR UPDATE`,
      );
      for (const { id, odoo_secret } of connections) {
        await manager.query(`UPDATE connection SET odoo_secret = $2 WHERE id = $1`, [
          id,
          to.encrypt(from.decrypt(odoo_secret, id), id),
        ]);
      }
      const tokens: { connection_id: string; access_token: string; refresh_token: string }[] =
        await manager.query(
          `SELECT connection_id, access_token, refresh_token FROM exact_token FOR UPDATE`,
        );
      for (const token of tokens) {
        const id = token.connection_id;
        await manager.query(
          `UPDATE exact_token SET access_token = $2, refresh_token = $3 WHERE connection_id = $1`,
          [
            id,
            to.encrypt(from.decrypt(token.access_token, id), id),
            to.encrypt(from.decrypt(token.refresh_token, id), id),
          ],
        );
      }
      return { connections: connections.length, tokens: tokens.length };
    });
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  runProcess('rotate-key', async () => {
    const config = loadConfig(RotateKeyConfig);
    const done = await rotateEncryptionKey(
      config.DATABASE_URL,
      config.TOKEN_ENCRYPTION_KEY,
      config.NEW_TOKEN_ENCRYPTION_KEY,
    );
    new Logger('rotate-key').log(
      `re-encrypted ${done.connections} connection secret(s) and ${done.tokens} token pair(s); restart every process with the new TOKEN_ENCRYPTION_KEY`,
    );
  });
}
