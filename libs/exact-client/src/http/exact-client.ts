import { recordRemoteCall } from '@app/common';
import { ExactOutcomeUnknownError, ExactUnavailableError } from './exact-errors';
import { ExactHttpAnswer, parseExactJson, toExactError } from './exact-response';
import type { ExactBudget } from '../budget/exact-budget';
import type { ExactTokenProvider } from '../tokens/token-provider';

export interface ExactClientOptions {
  /** Country host or EXACT_BASE_URL, without trailing slash. */
  baseUrl: string;
  /** The division pinned for the connection; every call uses it. */
  division: number;
  connectionId: string;
  tokens: ExactTokenProvider;
  /** The division's shared call budget; without one, nothing stops the client before Exact does. */
  budget?: ExactBudget;
  timeoutMs?: number;
}

/** OData query options; values are sent as given, so build $filter with the `odata` helpers. */
export interface ExactQuery {
  $filter?: string;
  $select?: string;
  $expand?: string;
  $top?: number;
  $orderby?: string;
  [option: string]: string | number | undefined;
}

export interface ExactPage<T> {
  results: T[];
  /** Absolute URL of the next page, as Exact returned it. */
  next: string | null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Exact Online REST for one connection and division: JSON, `Prefer: return=representation` on POST,
 * the OData envelope, typed errors, one token renewal and retry on 401, and every call recorded on
 * the running job's attempt.
 */
export class ExactClient {
  constructor(private readonly options: ExactClientOptions) {}

  get division(): number {
    return this.options.division;
  }

  /** One page of a collection, e.g. `get('crm/Accounts', {$filter, $select})`. */
  async get<T>(path: string, query: ExactQuery = {}): Promise<ExactPage<T>> {
    return this.readPage<T>(this.url(path, query));
  }

  /** Every page, following `__next` one after the other (Exact forbids parallel paging). */
  async *pages<T>(path: string, query: ExactQuery = {}): AsyncGenerator<T[]> {
    let url: string | null = this.url(path, query);
    while (url) {
      const page: ExactPage<T> = await this.readPage<T>(url);
      yield page.results;
      url = page.next;
    }
  }

  /** Every record of every page. */
  async getAll<T>(path: string, query: ExactQuery = {}): Promise<T[]> {
    const results: T[] = [];
    for await (const page of this.pages<T>(path, query)) results.push(...page);
    return results;
  }

  /** Creates a record; answers the created record (201). */
  async post<T>(path: string, body: object): Promise<T> {
    const answer = await this.send('POST', this.url(path), body);
    return (parseExactJson(answer.body) as { d: T }).d;
  }

  /** Updates a record by key, e.g. `put(\`crm/Accounts(guid'…')\`, changes)`; Exact answers 204. */
  async put(path: string, body: object): Promise<void> {
    await this.send('PUT', this.url(path), body);
  }

  async delete(path: string): Promise<void> {
    await this.send('DELETE', this.url(path));
  }

  private async readPage<T>(url: string): Promise<ExactPage<T>> {
    const answer = await this.send('GET', url);
    const data = (parseExactJson(answer.body) as { d: { results?: T[]; __next?: string } | T }).d;
    if (data && typeof data === 'object' && 'results' in data && Array.isArray(data.results)) {
      return { results: data.results, next: data.__next ?? null };
    }
    return { results: [data as T], next: null };
  }

  private url(path: string, query: ExactQuery = {}): string {
    const division = path.startsWith('current/') ? '' : `${this.options.division}/`;
    const search = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
      .join('&');
    return `${this.options.baseUrl}/api/v1/${division}${path}${search ? `?${search}` : ''}`;
  }

  private async send(method: Method, url: string, body?: object): Promise<ExactHttpAnswer> {
    const { tokens, connectionId } = this.options;
    let token = await tokens.getAccessToken(connectionId);
    let answer = await this.metered(url, () => this.exchange(method, url, token, body));
    if (answer.status === 401) {
      token = await tokens.renewAccessToken(connectionId, token);
      answer = await this.metered(url, () => this.exchange(method, url, token, body));
    }
    if (answer.status >= 400) throw toExactError(answer, `${method} ${pathOf(url)}`);
    return answer;
  }

  /** Division calls draw on the division's budget before they go out and report what Exact said after. */
  private async metered(
    url: string,
    call: () => Promise<ExactHttpAnswer>,
  ): Promise<ExactHttpAnswer> {
    const budget = this.options.budget;
    const endpoint = endpointOf(url);
    if (!budget || endpoint === null) return call();
    await budget.acquire(this.options.division, endpoint);
    let answer: ExactHttpAnswer;
    try {
      answer = await call();
    } catch (error) {
      await budget.record(this.options.division, endpoint, null, null);
      throw error;
    }
    await budget.record(this.options.division, endpoint, answer.status, answer.headers);
    return answer;
  }

  private async exchange(
    method: Method,
    url: string,
    token: string,
    body?: object,
  ): Promise<ExactHttpAnswer> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
    };
    if (body) headers['Content-Type'] = 'application/json';
    if (method === 'POST') headers.Prefer = 'return=representation';
    const started = Date.now();
    const target = pathOf(url);
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      recordRemoteCall({
        system: 'exact',
        method,
        target,
        status: response.status,
        durationMs: Date.now() - started,
      });
      return { status: response.status, headers: response.headers, body: text };
    } catch (error) {
      recordRemoteCall({
        system: 'exact',
        method,
        target,
        status: 'no-response',
        durationMs: Date.now() - started,
      });
      const reason = `${method} ${target}: no answer from Exact Online (${describeNetworkError(error)})`;
      if (method === 'POST') {
        throw new ExactOutcomeUnknownError(
          `${reason}; the record may or may not have been created`,
          null,
          { cause: error },
        );
      }
      throw new ExactUnavailableError(reason, null, { cause: error });
    }
  }
}

/** 'crm/Accounts' for …/api/v1/{division}/crm/Accounts(guid'…')?…; null for calls without a division (current/Me). */
export function endpointOf(url: string): string | null {
  const match = /^\/api\/v1\/\d+\/([^(?]+)/.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

/** The path of an Exact URL from the division on, without the query string (no ids of other systems, no secrets). */
function pathOf(url: string): string {
  const path = new URL(url).pathname;
  return path.replace(/^\/api\/v1\//, '');
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
