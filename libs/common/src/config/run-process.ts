import { ConfigError } from './load-config';

/**
 * Runs a process's start-up. A configuration problem ends the process with exactly one line on
 * stderr naming the variable; any other start-up failure is printed with its stack.
 */
export function runProcess(processName: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${processName}: configuration error: ${error.message}\n`);
    } else {
      process.stderr.write(
        `${processName}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  });
}
