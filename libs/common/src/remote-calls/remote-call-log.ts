import { AsyncLocalStorage } from 'node:async_hooks';

/** One request to Odoo or Exact Online, as kept on a job attempt (no query strings, no secrets). */
export interface RemoteCall {
  system: 'exact' | 'odoo';
  method: string;
  /** Exact: the path without query string; Odoo: `model.method`. */
  target: string;
  status: number | 'no-response';
  durationMs: number;
}

const storage = new AsyncLocalStorage<RemoteCall[]>();

/** Runs `work` and returns the remote calls the clients made while it ran. */
export async function collectRemoteCalls<T>(
  work: () => Promise<T>,
): Promise<{ calls: RemoteCall[]; outcome: PromiseSettledResult<T> }> {
  const calls: RemoteCall[] = [];
  const outcome = await storage.run(calls, async () => {
    try {
      return { status: 'fulfilled', value: await work() } as const;
    } catch (reason) {
      return { status: 'rejected', reason } as const;
    }
  });
  return { calls, outcome };
}

/** Called by the HTTP clients; a no-op outside `collectRemoteCalls`. */
export function recordRemoteCall(call: RemoteCall): void {
  storage.getStore()?.push(call);
}
