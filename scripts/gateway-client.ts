import type { MappingItem } from '@app/contracts';

/** A minimal client of the admin API, as an operator's script would use it. */
export class GatewayClient {
  constructor(
    readonly url: string,
    private readonly apiKey: string,
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /**
   * Connects a connection to Exact Online the way a user's browser does: the gateway's authorize
   * redirect, Exact's consent (answered at once by a sandbox with an auto-consent division, or by
   * posting its consent form), the callback; then pins the division.
   */
  async connectExact(connectionId: string, division: number): Promise<Record<string, unknown>> {
    const toExact = await fetch(`${this.url}/api/connections/${connectionId}/exact/authorize`, {
      headers: { Authorization: `Bearer ${this.apiKey}` },
      redirect: 'manual',
    });
    if (toExact.status !== 302)
      throw new Error(`authorize: ${toExact.status} ${await toExact.text()}`);
    const authorizeUrl = new URL(toExact.headers.get('location')!);
    let consent = await fetch(authorizeUrl, { redirect: 'manual' });
    if (consent.status === 200) {
      const form = new URLSearchParams({
        client_id: authorizeUrl.searchParams.get('client_id')!,
        redirect_uri: authorizeUrl.searchParams.get('redirect_uri')!,
        state: authorizeUrl.searchParams.get('state')!,
        division: String(division),
        consent: 'allow',
      });
      consent = await fetch(new URL('/api/oauth2/auth', authorizeUrl), {
        method: 'POST',
        body: form,
        redirect: 'manual',
      });
    }
    if (consent.status !== 302)
      throw new Error(`consent: ${consent.status} ${await consent.text()}`);
    const callback = await fetch(consent.headers.get('location')!);
    if (callback.status !== 200)
      throw new Error(`callback: ${callback.status} ${await callback.text()}`);
    const pinned = await this.request<Record<string, unknown>>(
      'PUT',
      `/api/connections/${connectionId}/exact/division`,
      { division },
    );
    if (pinned.status !== 200)
      throw new Error(`pin division: ${pinned.status} ${JSON.stringify(pinned.body)}`);
    return pinned.body;
  }

  /**
   * What booking sales invoices and their payments needs on the sandbox (Belgian company 1 ⇄ Dutch
   * division 1001): journal INV → 70, bank BNK1 → 20, account 700000 → 8000, taxes auto-matched.
   */
  async mapSandboxInvoicing(connectionId: string) {
    const mappings = `/api/connections/${connectionId}/setup/mappings`;
    const send = async (method: string, path: string, body?: unknown) => {
      const answer = await this.request<{ items: MappingItem[]; changed?: number }>(
        method,
        `${mappings}/${path}`,
        body,
      );
      if (answer.status !== 200)
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const map = async (list: string, odooCode: string, exactCode: string) => {
      const { items } = await send('GET', list);
      const odooId = items.find((item) => item.odoo.code === odooCode)!.odooId;
      await send('PUT', list, { mappings: [{ odooId, exactCode }] });
      return odooId;
    };
    return {
      salesJournal: await map('journals', 'INV', '70'),
      bankJournal: await map('bank-journals', 'BNK1', '20'),
      salesAccount: await map('accounts', '700000', '8000'),
      taxesMatched: (await send('POST', 'taxes/auto')).changed ?? 0,
    };
  }

  async jobs(query: Record<string, string> = {}): Promise<SyncJob[]> {
    const { status, body } = await this.request<{ items: SyncJob[] }>(
      'GET',
      `/api/sync-jobs?${new URLSearchParams(query)}`,
    );
    if (status !== 200) throw new Error(`GET /api/sync-jobs: ${status} ${JSON.stringify(body)}`);
    return body.items;
  }

  async job(id: string): Promise<SyncJob & { attemptHistory: SyncJobAttempt[] }> {
    const { status, body } = await this.request<SyncJob & { attemptHistory: SyncJobAttempt[] }>(
      'GET',
      `/api/sync-jobs/${id}`,
    );
    if (status !== 200)
      throw new Error(`GET /api/sync-jobs/${id}: ${status} ${JSON.stringify(body)}`);
    return body;
  }
}

export interface SyncJob {
  id: string;
  kind: string;
  state: string;
  connectionId: string | null;
  sourceRef: string;
  label: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  errorClass: string | null;
  nextRunAt: string | null;
  lockedBy: string | null;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  correlationId: string | null;
  createdAt: string;
}

export interface SyncJobAttempt {
  attemptNo: number;
  workerId: string;
  outcome: string | null;
  errorClass: string | null;
  errorMessage: string | null;
  remoteCalls: { system: string; method: string; target: string; status: number | string }[];
}
