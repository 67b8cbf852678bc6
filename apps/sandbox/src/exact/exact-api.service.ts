import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxConfig } from '../sandbox.config';
import { ENTITY_SETS, EntitySetDefinition } from './exact-entity-sets';
import { ExactRateLimiter } from './exact-rate-limiter.service';
import { ExactRecord, ExactStore } from './exact-store.service';
import { FieldType, ODataFilterError, parseODataFilter } from './odata-filter';

export interface ExactRequest {
  method: string;
  /** Path after /api/v1/, e.g. "1001/crm/Accounts(guid'…')". */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
  /** scheme://host of the request, for __metadata and __next URLs. */
  origin: string;
}

export interface ExactAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Exact Online's REST API under /api/v1/{division}/…, answering as Exact does. */
@Injectable()
export class ExactApi {
  constructor(
    private readonly store: ExactStore,
    private readonly limiter: ExactRateLimiter,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  handle(request: ExactRequest): ExactAnswer {
    const token = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
    if (!token || !this.config.SANDBOX_EXACT_ACCESS_TOKENS.includes(token)) {
      // Exact's 401 body is not documented (UNCONFIRMED); the status is what clients act on.
      return {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer' },
        body: odataError('Authentication required'),
      };
    }
    const match = /^(\d+)\/(.+)$/.exec(request.path);
    if (!match) return { status: 404, headers: {}, body: odataError('Not found') };
    const division = Number(match[1]);
    if (!this.config.SANDBOX_EXACT_DIVISIONS.includes(division)) {
      return {
        status: 403,
        headers: { Reason: 'NoDivisionAccess' },
        body: odataError('Forbidden'),
      };
    }
    const rate = this.limiter.take(division);
    if (!rate.allowed) return { status: 429, headers: rate.headers, body: '' };
    const answer = this.route(division, match[2], request);
    return { ...answer, headers: { ...rate.headers, ...answer.headers } };
  }

  private route(division: number, resource: string, request: ExactRequest): ExactAnswer {
    const parsed = /^(.+?)(?:\((.*)\))?$/.exec(resource)!;
    const set = ENTITY_SETS.find((candidate) => candidate.path === parsed[1]);
    if (!set)
      return {
        status: 404,
        headers: {},
        body: odataError(`Resource not found for the segment '${parsed[1]}'.`),
      };
    let key: string | undefined;
    if (parsed[2] !== undefined) {
      key = /^guid'(.*)'$/.exec(parsed[2])?.[1];
      if (!key || !GUID.test(key))
        return badRequest(`Unrecognized 'Edm.Guid' literal '${parsed[2]}' in '0'.`);
    }
    try {
      switch (request.method) {
        case 'GET':
          return key
            ? this.getOne(division, set, key, request)
            : this.getMany(division, set, request);
        case 'POST':
          return key ? methodNotAllowed() : this.create(division, set, request);
        case 'PUT':
          return key ? this.update(division, set, key, request.body) : methodNotAllowed();
        case 'DELETE':
          return key ? this.remove(division, set, key) : methodNotAllowed();
        default:
          return methodNotAllowed();
      }
    } catch (error) {
      if (error instanceof ODataFilterError) return badRequest(error.message);
      throw error;
    }
  }

  private getOne(
    division: number,
    set: EntitySetDefinition,
    key: string,
    request: ExactRequest,
  ): ExactAnswer {
    const record = this.store.find(division, set, key);
    if (!record) return notFound(set, key);
    return {
      status: 200,
      headers: {},
      body: {
        d: serialize(record, set, division, request.origin, select(set, request.query.$select)),
      },
    };
  }

  private getMany(division: number, set: EntitySetDefinition, request: ExactRequest): ExactAnswer {
    const filterText = request.query.$filter;
    if (filterText !== undefined && filterText.trim() === '')
      return badRequest('This $filter parameter is not supported for this resource.');
    const filter = filterText ? parseODataFilter(filterText, set.fields, set.type) : null;
    if (
      set.mandatoryFilterFields &&
      !(filter && [...filter.fields].some((f) => set.mandatoryFilterFields!.includes(f)))
    ) {
      return badRequest(
        `This endpoint has mandatory filtering applied. A GET request for this endpoint must have a $filter parameter with one of the following fields in the url:${set.mandatoryFilterFields.join(',')}.`,
      );
    }
    const fields = select(set, request.query.$select);
    let records = this.store
      .all(division, set)
      .filter((record) => !filter || filter.matches(record));
    const skipToken = /^guid'(.*)'$/.exec(request.query.$skiptoken ?? '')?.[1];
    if (skipToken) {
      const index = records.findIndex(
        (record) => String(record[set.key]).toLowerCase() === skipToken.toLowerCase(),
      );
      records = records.slice(index + 1);
    }
    const top = request.query.$top !== undefined ? Number(request.query.$top) : undefined;
    if (top !== undefined && (!Number.isInteger(top) || top < 0))
      return badRequest('Bad Request - Error in query syntax.');
    const page = records.slice(0, Math.min(set.pageSize, top ?? set.pageSize));
    const more = top === undefined && records.length > page.length;
    const results = page.map((record) => serialize(record, set, division, request.origin, fields));
    const body: { d: { results: unknown[]; __next?: string } } = { d: { results } };
    if (more)
      body.d.__next = nextLink(request, division, set, String(page[page.length - 1][set.key]));
    return { status: 200, headers: {}, body };
  }

  private create(division: number, set: EntitySetDefinition, request: ExactRequest): ExactAnswer {
    const values = this.validateBody(set, request.body);
    if ('error' in values) return values.error;
    // The Mandatory column of Exact's reference; the wording of Exact's answer is UNCONFIRMED.
    const missing = set.mandatoryOnPost.filter(
      (field) =>
        values.ok[field] === undefined || values.ok[field] === null || values.ok[field] === '',
    );
    if (missing.length > 0) return badRequest(`Mandatory: ${missing.join(', ')}`);
    const account = this.accountRules(division, set, values.ok, null);
    if (account) return account;
    const record = this.store.insert(division, set, values.ok);
    // Without `Prefer: return=representation` Exact leaves most properties empty in the answer.
    return {
      status: 201,
      headers: {},
      body: { d: serialize(record, set, division, request.origin, null) },
    };
  }

  private update(
    division: number,
    set: EntitySetDefinition,
    key: string,
    body: unknown,
  ): ExactAnswer {
    const record = this.store.find(division, set, key);
    if (!record) return notFound(set, key);
    const values = this.validateBody(set, body);
    if ('error' in values) return values.error;
    const account = this.accountRules(division, set, values.ok, record);
    if (account) return account;
    this.store.update(record, values.ok);
    return { status: 204, headers: {} };
  }

  private remove(division: number, set: EntitySetDefinition, key: string): ExactAnswer {
    const record = this.store.find(division, set, key);
    if (!record) return notFound(set, key);
    this.store.remove(division, set, record);
    return { status: 204, headers: {} };
  }

  /** Field names and value types as Exact's request-stream reader checks them. */
  private validateBody(
    set: EntitySetDefinition,
    body: unknown,
  ): { ok: ExactRecord } | { error: ExactAnswer } {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return {
        error: badRequest(
          'Error processing request stream. The request should be a valid top-level resource object.',
        ),
      };
    }
    const values: ExactRecord = {};
    for (const [field, value] of Object.entries(body)) {
      const type = set.fields[field];
      if (!type) {
        return {
          error: badRequest(
            `Error processing request stream. The property name '${field}' specified for type '${set.type}' is not valid.`,
          ),
        };
      }
      if (set.serverFields.includes(field)) continue;
      const converted = convert(value, type);
      if (converted === INVALID) {
        return {
          error: badRequest(
            `Error processing request stream. Error encountered in converting the value from request payload for property '${field}' to type '${edmType(type)}'.`,
          ),
        };
      }
      values[field] = converted;
    }
    return { ok: values };
  }

  /** crm/Accounts: Code is unique and stored right-aligned in 18 characters; omitted, it is the highest + 1. */
  private accountRules(
    division: number,
    set: EntitySetDefinition,
    values: ExactRecord,
    existing: ExactRecord | null,
  ): ExactAnswer | null {
    if (set.path !== 'crm/Accounts') return null;
    const records = this.store.all(division, set);
    if (typeof values.Code === 'string' && values.Code.trim() !== '') {
      const code = values.Code.trim();
      if (code.length > 18) return badRequest('Code: the value is longer than 18 characters');
      const padded = code.padStart(18, ' ');
      if (records.some((record) => record !== existing && record.Code === padded)) {
        // Exact refuses a duplicate account code; its exact wording is UNCONFIRMED.
        return badRequest(`Code ${code} already exists`);
      }
      values.Code = padded;
    } else if (!existing) {
      const highest = records.reduce(
        (max, record) => Math.max(max, Number(String(record.Code).trim()) || 0),
        0,
      );
      values.Code = String(highest + 1).padStart(18, ' ');
    }
    if (typeof values.Country === 'string')
      values.Country = values.Country.trim().toUpperCase().padEnd(3, ' ');
    return null;
  }
}

const INVALID = Symbol('invalid');

function convert(value: unknown, type: FieldType): unknown {
  if (value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : INVALID;
    case 'guid':
      return typeof value === 'string' && GUID.test(value) ? value.toLowerCase() : INVALID;
    case 'boolean':
      return typeof value === 'boolean' ? value : INVALID;
    case 'number': {
      const number = typeof value === 'string' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) ? number : INVALID;
    }
    case 'datetime': {
      const date =
        typeof value === 'string'
          ? new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`)
          : null;
      return date && !Number.isNaN(date.getTime()) ? date : INVALID;
    }
    default:
      return INVALID;
  }
}

function edmType(type: FieldType): string {
  return {
    guid: 'Edm.Guid',
    string: 'Edm.String',
    number: 'Edm.Double',
    boolean: 'Edm.Boolean',
    datetime: 'Edm.DateTime',
    deferred: 'Edm.Object',
  }[type];
}

function select(set: EntitySetDefinition, selectText: string | undefined): string[] | null {
  if (!selectText || selectText.trim() === '*') return null;
  const fields = selectText.split(',').map((field) => field.trim());
  const unknown = fields.find((field) => !(field in set.fields));
  if (unknown)
    throw new ODataFilterError(
      `Could not find a property named '${unknown}' on type '${set.type}'.`,
    );
  return fields;
}

/** A record as Exact writes it: __metadata first, dates as /Date(ms)/, collections deferred. */
function serialize(
  record: ExactRecord,
  set: EntitySetDefinition,
  division: number,
  origin: string,
  fields: string[] | null,
): ExactRecord {
  const uri = `${origin}/api/v1/${division}/${set.path}(guid'${record[set.key]}')`;
  const out: ExactRecord = { __metadata: { uri, type: set.type } };
  for (const field of fields ?? Object.keys(set.fields)) {
    const value = record[field];
    if (set.fields[field] === 'deferred') out[field] = { __deferred: { uri: `${uri}/${field}` } };
    else out[field] = value instanceof Date ? `/Date(${value.getTime()})/` : (value ?? null);
  }
  return out;
}

function nextLink(
  request: ExactRequest,
  division: number,
  set: EntitySetDefinition,
  lastKey: string,
): string {
  const options = Object.entries(request.query)
    .filter(([name]) => name !== '$skiptoken')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  options.push(`$skiptoken=${encodeURIComponent(`guid'${lastKey}'`)}`);
  return `${request.origin}/api/v1/${division}/${set.path}?${options.join('&')}`;
}

export function odataError(message: string) {
  return { error: { code: '', message: { lang: '', value: message } } };
}

function notFound(set: EntitySetDefinition, key: string): ExactAnswer {
  return {
    status: 404,
    headers: {},
    body: odataError(`${set.type} with key '${key}' was not found.`),
  };
}

function badRequest(message: string): ExactAnswer {
  return { status: 400, headers: {}, body: odataError(message) };
}

function methodNotAllowed(): ExactAnswer {
  return { status: 405, headers: {}, body: odataError('Method not allowed') };
}
