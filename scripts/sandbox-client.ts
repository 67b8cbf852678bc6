/** Drives the sandbox: its control API and, like any Odoo client, its JSON-RPC endpoint. */
export class SandboxClient {
  constructor(
    readonly url: string,
    private readonly odoo = { db: 'demo', login: 'admin', secret: 'sandbox-odoo-api-key' },
  ) {}

  async reset(odooVersion?: number): Promise<void> {
    await this.control('POST', '/_sandbox/reset', odooVersion ? { odooVersion } : {});
  }

  async addFault(rule: Record<string, unknown>): Promise<{ id: number }> {
    return this.control('POST', '/_sandbox/faults', rule) as Promise<{ id: number }>;
  }

  /** Per-division Exact budgets (per calendar minute and per day). */
  async setExactLimits(limits: { minutely?: number; daily?: number }): Promise<void> {
    await this.control('POST', '/_sandbox/exact/limits', limits);
  }

  /** Switches the simulated Odoo's event publishing off (e.g. while seeding) and on. */
  async setOdooEvents(enabled: boolean): Promise<void> {
    await this.control('POST', '/_sandbox/odoo/events', { enabled });
  }

  async clearCalls(): Promise<void> {
    await this.control('DELETE', '/_sandbox/calls');
  }

  /** Creates many Exact accounts at once, without using the API's budget. */
  async seedExactAccounts(division: number, count: number, prefix: string): Promise<void> {
    await this.control('POST', `/_sandbox/exact/${division}/accounts/seed`, { count, prefix });
  }

  /** An accountant matches a payment (division currency) with an entry in Exact. */
  async payExact(division: number, entryId: string, amount: number, date?: string): Promise<void> {
    await this.control('POST', `/_sandbox/exact/${division}/payments`, { entryId, amount, date });
  }

  /** An accountant undoes the payment matches of an entry in Exact. */
  async reopenExact(division: number, entryId: string): Promise<void> {
    await this.control('POST', `/_sandbox/exact/${division}/payments/reopen`, { entryId });
  }

  /** Moves the simulators' clock. */
  async advanceClock(ms: number): Promise<void> {
    await this.control('POST', '/_sandbox/clock', { advanceMs: ms });
  }

  async clearFaults(): Promise<void> {
    await this.control('DELETE', '/_sandbox/faults');
  }

  async calls(system?: 'exact' | 'odoo'): Promise<{
    calls: {
      method: string;
      path: string;
      status: number;
      division: number | null;
      operation: string | null;
      at: string;
    }[];
    counts: Record<string, number>;
  }> {
    return this.control('GET', `/_sandbox/calls${system ? `?system=${system}` : ''}`) as never;
  }

  async exactRecords(division: number, entitySet: string): Promise<Record<string, unknown>[]> {
    return this.control('GET', `/_sandbox/exact/${division}/${entitySet}`) as never;
  }

  /** `execute_kw` on the simulated Odoo, as admin. */
  async odooCall<T>(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await fetch(`${this.url}/jsonrpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        method: 'call',
        id: 1,
        params: {
          service: 'object',
          method: 'execute_kw',
          args: [this.odoo.db, 2, this.odoo.secret, model, method, args, kwargs],
        },
      }),
    });
    const body = (await response.json()) as { result?: T; error?: { data?: { message?: string } } };
    if (body.error) throw new Error(`Odoo ${model}.${method}: ${body.error.data?.message}`);
    return body.result as T;
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }
}
