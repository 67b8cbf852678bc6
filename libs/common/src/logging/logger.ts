import { ConsoleLogger, LogLevel } from '@nestjs/common';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** The Nest logger for one process: `LOG_LEVEL` and everything more severe, with timestamps. */
export function createLogger(processName: string, level: LogLevelName): ConsoleLogger {
  const enabled = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as LogLevel[];
  return new ConsoleLogger(processName, { logLevels: ['fatal', ...enabled], timestamp: true });
}
