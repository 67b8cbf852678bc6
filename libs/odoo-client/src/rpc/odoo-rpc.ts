import { CONNECTOR_ORIGIN_CONTEXT_KEY } from '@app/contracts';
import { recordRemoteCall } from '@app/common';
import { OdooError, toOdooError } from './odoo-errors';

export interface OdooConnectionOptions {
  url: string;
  db: string;
  login: string;
  /** API key (14+) or password (13). */
  secret: string;
  /** Sent as allowed_company_ids on every call, so defaults and record rules use this company. */
  companyId: number;
  timeoutMs?: number;
}

/**
 * Odoo's external JSON-RPC API (`POST /jsonrpc`): `common.version`, `common.authenticate`,
 * `object.execute_kw`. Each call is its own transaction in Odoo.
 */
export class OdooRpc {
  private uid: number | null = null;
  private nextId = 1;

  constructor(private readonly options: OdooConnectionOptions) {}

  async version(): Promise<{
    server_version: string;
    server_serie: string;
    server_version_info: unknown[];
  }> {
    return this.call('common', 'version', [], 'common.version');
  }

  /** The user id for the login; wrong credentials make Odoo answer `false`, which is permanent. */
  async authenticate(): Promise<number> {
    if (this.uid !== null) return this.uid;
    const { db, login, secret } = this.options;
    const uid = await this.call<number | false>(
      'common',
      'authenticate',
      [db, login, secret, {}],
      'common.authenticate',
    );
    if (uid === false) {
      throw new OdooError(
        `common.authenticate: Odoo refused the login '${login}' on database '${db}'`,
        false,
        'odoo.exceptions.AccessDenied',
      );
    }
    this.uid = uid;
    return uid;
  }

  /**
   * `execute_kw(model, method, args, kwargs)` with the connection's company in the context, and the
   * connector-origin key so that Odoo does not announce our own writes back as events.
   */
  async executeKw<T>(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown> = {},
  ): Promise<T> {
    const uid = await this.authenticate();
    const { db, secret, companyId } = this.options;
    const context = {
      ...(kwargs.context as object | undefined),
      allowed_company_ids: [companyId],
      [CONNECTOR_ORIGIN_CONTEXT_KEY]: true,
    };
    return this.call<T>(
      'object',
      'execute_kw',
      [db, uid, secret, model, method, args, { ...kwargs, context }],
      `${model}.${method}`,
    );
  }

  private async call<T>(
    service: string,
    method: string,
    args: unknown[],
    target: string,
  ): Promise<T> {
    const started = Date.now();
    let status: number | 'no-response' = 'no-response';
    try {
      const response = await fetch(`${this.options.url.replace(/\/+$/, '')}/jsonrpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          method: 'call',
          id: this.nextId++,
          params: { service, method, args },
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      status = response.status;
      const text = await response.text();
      if (!response.ok) {
        throw new OdooError(
          `${target}: HTTP ${response.status} from Odoo`,
          response.status >= 500 || response.status === 429,
        );
      }
      let body: { result?: T; error?: Parameters<typeof toOdooError>[0] };
      try {
        body = JSON.parse(text);
      } catch {
        throw new OdooError(
          `${target}: Odoo did not answer JSON (is ${this.options.url} an Odoo server?)`,
          true,
        );
      }
      if (body.error) throw toOdooError(body.error, target);
      return body.result as T;
    } catch (error) {
      if (error instanceof OdooError) throw error;
      throw new OdooError(
        `${target}: no answer from Odoo (${(error as Error).message})`,
        true,
        null,
        { cause: error },
      );
    } finally {
      recordRemoteCall({
        system: 'odoo',
        method: 'POST',
        target,
        status,
        durationMs: Date.now() - started,
      });
    }
  }
}
