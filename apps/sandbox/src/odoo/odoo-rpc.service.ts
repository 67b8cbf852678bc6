import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxConfig } from '../sandbox.config';
import { OdooException, accessDenied, accessError, errorEnvelope } from './odoo-errors';
import { OdooAccounting } from './odoo-accounting.service';
import { OdooEvents } from './odoo-events.service';
import { OdooContext, OdooOrm } from './odoo-orm.service';

interface JsonRpcRequest {
  jsonrpc?: string;
  id?: unknown;
  params?: { service?: string; method?: string; args?: unknown[] };
}

/** The single user of the simulated database (uid 2 is Odoo's admin). */
const ADMIN_UID = 2;

/** `POST /jsonrpc`: the `common` and `object` services of Odoo's external API. */
@Injectable()
export class OdooRpc {
  constructor(
    private readonly orm: OdooOrm,
    private readonly accounting: OdooAccounting,
    private readonly events: OdooEvents,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async handle(request: JsonRpcRequest): Promise<unknown> {
    const id = request?.id ?? null;
    try {
      const { service, method, args = [] } = request?.params ?? {};
      if (!Array.isArray(args))
        throw new OdooException('builtins.TypeError', 'args must be a list');
      const result = this.dispatch(service, method, args);
      await this.events.flush();
      return { jsonrpc: '2.0', id, result };
    } catch (error) {
      this.events.discard();
      if (error instanceof OdooException) return errorEnvelope(id, error, this.orm.version);
      throw error;
    }
  }

  private dispatch(
    service: string | undefined,
    method: string | undefined,
    args: unknown[],
  ): unknown {
    if (service === 'common' && method === 'version') return this.version();
    if (service === 'common' && (method === 'authenticate' || method === 'login')) {
      const [db, login, password] = args as [string, string, string];
      this.checkDatabase(db);
      return login === this.config.SANDBOX_ODOO_LOGIN && this.secretAccepted(password)
        ? ADMIN_UID
        : false;
    }
    if (service === 'object' && (method === 'execute_kw' || method === 'execute')) {
      const [db, uid, password, model, name, ...rest] = args as [
        string,
        number,
        string,
        string,
        string,
        ...unknown[],
      ];
      this.checkDatabase(db);
      if (uid !== ADMIN_UID || !this.secretAccepted(password)) throw accessDenied();
      const [positional, keywords] =
        method === 'execute_kw'
          ? [(rest[0] ?? []) as unknown[], (rest[1] ?? {}) as Record<string, unknown>]
          : [rest, {}];
      return this.callMethod(model, name, positional, keywords);
    }
    throw new OdooException('builtins.NameError', `service ${service} has no method ${method}`);
  }

  private version() {
    const v = this.orm.version;
    return {
      server_version: `${v}.0`,
      server_version_info: [v, 0, 0, 'final', 0, ''],
      server_serie: `${v}.0`,
      protocol_version: 1,
    };
  }

  /** The password always; an API key from Odoo 14 on, when API keys were introduced. */
  private secretAccepted(secret: string): boolean {
    return (
      secret === this.config.SANDBOX_ODOO_PASSWORD ||
      (this.orm.version >= 14 && secret === this.config.SANDBOX_ODOO_API_KEY)
    );
  }

  private checkDatabase(db: string): void {
    if (db !== this.config.SANDBOX_ODOO_DB) {
      throw new OdooException(
        'psycopg2.OperationalError',
        `FATAL:  database "${db}" does not exist`,
      );
    }
  }

  private callMethod(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown>,
  ): unknown {
    if (method.startsWith('_')) {
      throw accessError(
        `Private methods (such as '${model}.${method}') cannot be called remotely.`,
      );
    }
    this.orm.model(model);
    const context = (kwargs.context ?? {}) as OdooContext;
    const arg = (index: number, name: string) => (args.length > index ? args[index] : kwargs[name]);
    if (model === 'account.payment.register' && method === 'create') {
      return this.accounting.createWizard(arg(0, 'vals') as Record<string, unknown>, context);
    }
    if (
      !['search', 'search_count', 'search_read', 'read', 'create', 'write', 'unlink'].includes(
        method,
      )
    ) {
      const { context: _context, ...rest } = kwargs;
      const result = this.accounting.call(
        model,
        method,
        toIds(arg(0, 'ids')),
        args.slice(1),
        rest,
        context,
      );
      if (result !== undefined) return result;
    }
    const searchOptions = () => ({
      offset: (arg(1, 'offset') as number) ?? 0,
      limit: arg(2, 'limit') as number | false | undefined,
      order: arg(3, 'order') as string | undefined,
      context,
    });
    switch (method) {
      case 'search':
        return this.orm.search(model, arg(0, 'domain') ?? [], searchOptions());
      case 'search_count':
        return this.orm.search(model, arg(0, 'domain') ?? [], { context }).length;
      case 'search_read': {
        const ids = this.orm.search(model, arg(0, 'domain') ?? [], {
          offset: (arg(2, 'offset') as number) ?? 0,
          limit: arg(3, 'limit') as number | false | undefined,
          order: arg(4, 'order') as string | undefined,
          context,
        });
        return this.orm.read(model, ids, arg(1, 'fields') as string[] | undefined, context);
      }
      case 'read':
        return this.orm.read(
          model,
          toIds(arg(0, 'ids')),
          arg(1, 'fields') as string[] | undefined,
          context,
        );
      case 'create': {
        const values = arg(0, 'vals_list') ?? arg(0, 'vals');
        if (Array.isArray(values))
          return values.map((v) => this.orm.create(model, v as Record<string, unknown>, context));
        return this.orm.create(model, values as Record<string, unknown>, context);
      }
      case 'unlink':
        for (const id of toIds(arg(0, 'ids'))) this.orm.rawDelete(model, id);
        return true;
      case 'write':
        return this.orm.write(
          model,
          toIds(arg(0, 'ids')),
          arg(1, 'vals') as Record<string, unknown>,
          context,
        );
      default:
        throw new OdooException(
          'builtins.AttributeError',
          `The method '${method}' does not exist on the model '${model}'`,
        );
    }
  }
}

function toIds(value: unknown): number[] {
  return (Array.isArray(value) ? value : [value]).map(Number);
}
