import { Injectable } from '@nestjs/common';

/** A failure the simulator should produce for matching requests. */
export interface FaultRule {
  system: 'exact' | 'odoo';
  /** HTTP method (Exact) to match; any when absent. */
  method?: string;
  /** Exact: the path after /api/v1/{division}/ must start with this (e.g. 'crm/Accounts', 'oauth2/token'). */
  path?: string;
  /** Odoo: `model.method` to match (e.g. 'res.partner.search_read'); Exact token endpoint: the grant type. */
  operation?: string;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** Body for `status`; an Exact error envelope when omitted for 4xx, plain text for 5xx. */
  body?: unknown;
  /** Wait this long before handling (or failing) the request. */
  latencyMs?: number;
  /** Handle the request (commit it) but close the connection without answering. */
  dropResponse?: boolean;
  /** How many matching requests it applies to; unlimited when absent. */
  times?: number;
}

export interface ActiveFault extends FaultRule {
  id: number;
  hits: number;
}

/** The faults currently injected; each matching request consumes one use of the first rule that matches. */
@Injectable()
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): ActiveFault {
    const fault = { ...rule, id: this.nextId++, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  take(request: {
    system: 'exact' | 'odoo';
    method: string;
    path: string;
    operation: string | null;
  }): ActiveFault | null {
    const fault = this.faults.find(
      (f) =>
        f.system === request.system &&
        (!f.method || f.method.toUpperCase() === request.method) &&
        (!f.path || request.path.startsWith(f.path)) &&
        (!f.operation || f.operation === request.operation),
    );
    if (!fault) return null;
    fault.hits++;
    if (fault.times !== undefined && fault.hits >= fault.times) {
      this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }
}
