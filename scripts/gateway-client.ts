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
}

export interface SyncJobAttempt {
  attemptNo: number;
  workerId: string;
  outcome: string | null;
  errorClass: string | null;
  errorMessage: string | null;
  remoteCalls: { system: string; method: string; target: string; status: number | string }[];
}
