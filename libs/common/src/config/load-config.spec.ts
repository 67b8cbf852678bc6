import { Expose, Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { WorkerConfig } from './service.config';
import { ConfigError, loadConfig } from './load-config';
import { IsBase64Key } from './validators';

class ExampleConfig extends WorkerConfig {
  @Expose()
  @IsBase64Key(32)
  TOKEN_ENCRYPTION_KEY: string;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RETRIES: number = 3;
}

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/connector',
  RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe(loadConfig.name, () => {
  it('reads declared variables, converts numbers and applies defaults', () => {
    const config = loadConfig(ExampleConfig, { ...valid, RETRIES: '5', UNRELATED: 'x' });
    expect(config).toMatchObject({ ...valid, RETRIES: 5, LOG_LEVEL: 'log', JOB_LEASE_MS: 30_000 });
    expect(config).not.toHaveProperty('UNRELATED');
  });

  it.each([
    [
      'a missing variable',
      { ...valid, DATABASE_URL: undefined },
      'DATABASE_URL is required but not set',
    ],
    ['an empty variable', { ...valid, RABBITMQ_URL: '' }, 'RABBITMQ_URL is required but not set'],
    [
      'a URL with the wrong scheme',
      { ...valid, DATABASE_URL: 'mysql://localhost/db' },
      'DATABASE_URL is invalid: must be a postgres:// or postgresql:// URL',
    ],
    [
      'a short key',
      { ...valid, TOKEN_ENCRYPTION_KEY: 'c2hvcnQ=' },
      'TOKEN_ENCRYPTION_KEY is invalid: must be 32 bytes encoded as base64',
    ],
    [
      'a number below its minimum',
      { ...valid, RETRIES: '0' },
      'RETRIES is invalid: RETRIES must not be less than 1',
    ],
    ['an unknown log level', { ...valid, LOG_LEVEL: 'loud' }, 'LOG_LEVEL is invalid'],
  ])('stops on %s with one line naming the variable', (_case, env, message) => {
    expect(() => loadConfig(ExampleConfig, env)).toThrow(ConfigError);
    expect(() => loadConfig(ExampleConfig, env)).toThrow(message);
    try {
      loadConfig(ExampleConfig, env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
