import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CallLog } from './call-log.service';
import { FaultInjector } from './fault-injector.service';

/**
 * Sits in front of both simulators: records every call and applies injected faults — latency, a
 * status code, or "commit but drop the response" (the handler runs, then the socket is closed).
 */
@Injectable()
export class SandboxTrafficMiddleware implements NestMiddleware {
  constructor(
    private readonly calls: CallLog,
    private readonly faults: FaultInjector,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const call = describe(request);
    response.on('finish', () =>
      this.calls.record({ ...call, status: response.statusCode, at: new Date().toISOString() }),
    );
    const fault = this.faults.take(call);
    if (!fault) return next();
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.status) {
      const body = fault.body ?? defaultFaultBody(call.system, fault.status);
      response.status(fault.status);
      if (typeof body === 'string') response.type('text/plain').send(body);
      else response.json(body);
      return;
    }
    if (fault.dropResponse) {
      response.end = ((..._args: unknown[]) => {
        this.calls.record({ ...call, status: 0, at: new Date().toISOString() });
        request.socket.destroy();
        return response;
      }) as Response['end'];
    }
    next();
  }
}

function describe(request: Request) {
  const path = request.path;
  if (path === '/jsonrpc') {
    const params = (
      request.body as { params?: { service?: string; method?: string; args?: unknown[] } }
    )?.params;
    const operation =
      params?.service === 'object' && Array.isArray(params.args)
        ? `${params.args[3]}.${params.args[4]}`
        : `${params?.service}.${params?.method}`;
    return {
      system: 'odoo' as const,
      method: request.method,
      path,
      query: '',
      division: null,
      operation,
    };
  }
  if (path.startsWith('/api/oauth2/')) {
    const grant = (request.body as { grant_type?: string } | undefined)?.grant_type ?? null;
    return {
      system: 'exact' as const,
      method: request.method,
      path: path.slice('/api/'.length),
      query: '',
      division: null,
      operation: grant,
    };
  }
  const match = /^\/api\/v1\/(?:(\d+)\/)?(.*)$/.exec(path);
  const query = request.originalUrl.includes('?')
    ? request.originalUrl.slice(request.originalUrl.indexOf('?') + 1)
    : '';
  return {
    system: 'exact' as const,
    method: request.method,
    path: decodeURIComponent(match?.[2] ?? path),
    query: decodeURIComponent(query),
    division: match?.[1] ? Number(match[1]) : null,
    operation: null,
  };
}

function defaultFaultBody(system: 'exact' | 'odoo', status: number): unknown {
  if (system === 'exact' && status >= 400 && status < 500 && status !== 429) {
    return { error: { code: '', message: { lang: '', value: `Injected fault ${status}` } } };
  }
  return status === 429 ? '' : 'Internal Server Error';
}
