import { loadConfig } from '@app/common';
import { ExactClient, ExactClientOptions, StaticTokenProvider } from '@app/exact-client';
import { createSandboxApp } from '../../apps/sandbox/src/sandbox.app';
import { SandboxConfig } from '../../apps/sandbox/src/sandbox.config';
import { SandboxClient } from '../../scripts/sandbox-client';

export const SANDBOX_TOKEN = 'sandbox-exact-token';

export interface RunningSandbox {
  url: string;
  control: SandboxClient;
  close(): Promise<void>;
}

/** A sandbox inside the test process, configured by sandbox environment variables. */
export async function startSandbox(env: Record<string, string> = {}): Promise<RunningSandbox> {
  const config = loadConfig(SandboxConfig, { LOG_LEVEL: 'error', ...env });
  const app = await createSandboxApp(config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, control: new SandboxClient(url), close: () => app.close() };
}

/** An Exact client for a division of a sandbox, with the sandbox's static token unless told otherwise. */
export function exactClient(
  sandbox: RunningSandbox,
  division: number,
  options: Partial<ExactClientOptions> = {},
): ExactClient {
  return new ExactClient({
    baseUrl: sandbox.url,
    division,
    connectionId: 'contract-test',
    tokens: new StaticTokenProvider(SANDBOX_TOKEN),
    timeoutMs: 5000,
    ...options,
  });
}
