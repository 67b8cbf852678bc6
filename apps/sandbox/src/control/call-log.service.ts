import { Injectable } from '@nestjs/common';

export interface LoggedCall {
  system: 'exact' | 'odoo';
  method: string;
  /** Exact: path after /api/v1/ without the query; Odoo: '/jsonrpc'. */
  path: string;
  query: string;
  division: number | null;
  /** Odoo: `model.method` (or `common.version`); Exact's token endpoint: the grant type. */
  operation: string | null;
  status: number;
  at: string;
}

const MAX_CALLS = 200_000;

/** Every request the simulators answered, for tests and benchmarks to count. */
@Injectable()
export class CallLog {
  private calls: LoggedCall[] = [];

  record(call: LoggedCall): void {
    this.calls.push(call);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }

  list(filter: { system?: string; division?: number }): {
    calls: LoggedCall[];
    counts: Record<string, number>;
  } {
    const calls = this.calls.filter(
      (call) =>
        (!filter.system || call.system === filter.system) &&
        (filter.division === undefined || call.division === filter.division),
    );
    const counts: Record<string, number> = {};
    for (const call of calls) {
      const key =
        call.system === 'odoo'
          ? `odoo ${call.operation}`
          : `${call.method} ${endpointOf(call.path)}${call.operation ? ` ${call.operation}` : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { calls, counts };
  }

  clear(): void {
    this.calls = [];
  }
}

/** 'crm/Accounts(guid'…')' → 'crm/Accounts' */
export function endpointOf(path: string): string {
  return path.replace(/\(.*\)$/, '');
}
