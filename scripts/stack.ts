import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve, sep } from 'node:path';

export const APP_NAMES = [
  'gateway',
  'auth',
  'contacts',
  'invoices',
  'payments',
  'sandbox',
] as const;
export type AppName = (typeof APP_NAMES)[number];

/** A built app running as its own process (demo, end-to-end tests, benchmarks). */
export interface RunningApp {
  name: AppName;
  port: number;
  url: string;
  process: ChildProcess;
  /** Everything the process printed, for diagnosing a failure. */
  output(): string;
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, as a crash would: no shutdown hooks run. */
  kill(): Promise<void>;
}

/** The repository root, whether this file runs compiled (dist/scripts) or from source (scripts). */
const ROOT = resolve(__dirname, __dirname.includes(`${sep}dist${sep}`) ? '../..' : '..');

export function appEntry(name: AppName): string {
  return join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  env: Record<string, string>;
  /** Listen here instead of on a free port. */
  port?: number;
  /** Print the app's output as it comes (the demo); tests keep it for failures only. */
  echo?: boolean;
  readyTimeoutMs?: number;
}

/**
 * Starts a built app on a free port and waits until it is ready: /health answers 200 for the
 * services (database and broker up), the control API answers for the sandbox.
 */
export async function startApp(name: AppName, options: StartOptions): Promise<RunningApp> {
  const port = options.port ?? (await freePort());
  const portVariable = name === 'gateway' ? 'GATEWAY_PORT' : 'HTTP_PORT';
  let output = '';
  const child = spawn(process.execPath, [appEntry(name)], {
    env: {
      ...process.env,
      ...options.env,
      [portVariable]: String(port),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    if (options.echo)
      process.stdout.write(`[${name}] ${chunk.toString().replace(/\n(?=.)/g, `\n[${name}] `)}`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    name,
    port,
    url,
    process: child,
    output: () => output,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  const readyPath = name === 'sandbox' ? '/_sandbox/faults' : '/health';
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} during start-up:\n${output}`);
    try {
      const response = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await app.kill();
  throw new Error(
    `${name} was not ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`,
  );
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `timed out waiting for ${description}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`,
  );
}
