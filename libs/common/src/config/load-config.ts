import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

/** Thrown when the environment does not describe a runnable process; its message is one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads a config class from environment variables. Each property of the class is named exactly like
 * its variable (DATABASE_URL, …) and carries `@Expose()` plus class-validator rules; a property
 * initializer is the default. Problems become one ConfigError line naming every bad variable, so
 * an operator can fix them all at once.
 */
export function loadConfig<T extends object>(
  schema: ClassConstructor<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const config = plainToInstance(schema, present, {
    excludeExtraneousValues: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { stopAtFirstError: true });
  if (errors.length > 0) {
    throw new ConfigError(errors.map((error) => describe(error, present)).join('; '));
  }
  return config;
}

function describe(error: ValidationError, env: Record<string, string | undefined>): string {
  const variable = error.property;
  if (env[variable] === undefined) {
    return `${variable} is required but not set`;
  }
  const reason = Object.values(error.constraints ?? {})[0] ?? 'invalid value';
  return `${variable} is invalid: ${reason}`;
}
