import { Injectable } from '@nestjs/common';
import { SandboxClock } from '../control/sandbox-clock';
import {
  DIVISIONS,
  EntitySetDefinition,
  SALES_ENTRY_LINES,
  PURCHASE_ENTRY_LINES,
  WEBHOOK_SUBSCRIPTIONS,
  entitySet,
} from './entity-sets';
import { ExactRateLimiter } from './exact-rate-limiter.service';
import { ENTRY_KINDS, ExactRuleError, ExactRules } from './exact-rules';
import { ExactRecord, ExactStore } from './exact-store.service';
import { ExactOAuth, ExactSession } from './oauth/exact-oauth.service';
import { FieldType, ODataFilterError, parseODataFilter } from './odata-filter';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';

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

/** Exact Online's REST API under /api/v1/…, answering as Exact does. */
@Injectable()
export class ExactApi {
  constructor(
    private readonly store: ExactStore,
    private readonly limiter: ExactRateLimiter,
    private readonly oauth: ExactOAuth,
    private readonly webhooks: WebhookDispatcher,
    private readonly clock: SandboxClock,
  ) {}

  async handle(request: ExactRequest): Promise<ExactAnswer> {
    const token = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
    const session = token ? this.oauth.session(token) : null;
    if (session === null || session === 'expired') {
      // The 401 body is not documented (UNCONFIRMED); the status is what clients act on.
      return {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer' },
        body: odataError(
          session === 'expired' ? 'Access token expired' : 'Authentication required',
        ),
      };
    }
    if (request.path === 'current/Me') return this.me(session, request);
    const match = /^(\d+)\/(.+)$/.exec(request.path);
    if (!match) return { status: 404, headers: {}, body: odataError('Resource not found') };
    const division = Number(match[1]);
    if (!session.divisions.includes(division))
      return {
        status: 403,
        headers: { Reason: 'NoDivisionAccess' },
        body: odataError('Forbidden'),
      };
    const rate = this.limiter.take(division);
    if (!rate.allowed) return { status: 429, headers: rate.headers, body: '' };
    const answer = await this.route(division, match[2], request, session);
    return { ...answer, headers: { ...rate.headers, ...answer.headers } };
  }

  /** current/Me: the only endpoint without a division; not counted against the limits. */
  private me(session: ExactSession, request: ExactRequest): ExactAnswer {
    return {
      status: 200,
      headers: {},
      body: {
        d: {
          results: [
            {
              __metadata: {
                uri: `${request.origin}/api/v1/current/Me(guid'${session.userId}')`,
                type: 'Exact.Web.Api.System.Contact',
              },
              CurrentDivision: session.currentDivision,
              UserID: session.userId,
              UserName: 'SandboxUser',
              FullName: 'Sandbox User',
              Email: 'sandbox.user@example.invalid',
              LanguageCode: 'nl-NL',
              Language: 'NL',
              Legislation: '1',
            },
          ],
        },
      },
    };
  }

  private async route(
    division: number,
    resource: string,
    request: ExactRequest,
    session: ExactSession,
  ): Promise<ExactAnswer> {
    const parsed = /^(.+?)(?:\((.*)\))?$/.exec(resource)!;
    const set = entitySet(parsed[1]);
    if (!set || set.methods.length === 0)
      return {
        status: 404,
        headers: {},
        body: odataError(`Resource not found for the segment '${parsed[1]}'.`),
      };
    if (!set.methods.includes(request.method as never))
      return { status: 405, headers: {}, body: odataError('Method not allowed') };
    let key: string | number | undefined;
    if (parsed[2] !== undefined) {
      const parsedKey = parseKey(parsed[2], set.fields[set.key]);
      if (parsedKey === undefined)
        return badRequest(
          `Unrecognized 'Edm.${set.fields[set.key] === 'guid' ? 'Guid' : 'Int32'}' literal '${parsed[2]}' in '0'.`,
        );
      key = parsedKey;
    }
    if ((request.method === 'PUT' || request.method === 'DELETE') && key === undefined)
      return { status: 405, headers: {}, body: odataError('Method not allowed') };
    if (request.method === 'POST' && key !== undefined)
      return { status: 405, headers: {}, body: odataError('Method not allowed') };
    const rules = new ExactRules(this.store, division, startOfDay(this.clock.now()));
    try {
      switch (request.method) {
        case 'GET':
          return key !== undefined
            ? this.getOne(division, set, key, request)
            : this.getMany(division, set, request, session);
        case 'POST':
          return await this.create(division, set, request, rules, session);
        case 'PUT':
          return this.update(division, set, key!, request, rules);
        default:
          return this.remove(division, set, key!, request, rules);
      }
    } catch (error) {
      if (error instanceof ODataFilterError) return badRequest(error.message);
      if (error instanceof ExactRuleError)
        return { status: error.status, headers: {}, body: odataError(error.message) };
      throw error;
    }
  }

  private getOne(
    division: number,
    set: EntitySetDefinition,
    key: string | number,
    request: ExactRequest,
  ): ExactAnswer {
    const record = this.store.find(division, set, key);
    if (!record) return notFound(set, key);
    return {
      status: 200,
      headers: {},
      body: {
        d: this.serialize(record, set, division, request, select(set, request.query.$select)),
      },
    };
  }

  private getMany(
    division: number,
    set: EntitySetDefinition,
    request: ExactRequest,
    session: ExactSession,
  ): ExactAnswer {
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
    const refused =
      filter && set.filterableFields
        ? [...filter.fields].filter((f) => !set.filterableFields!.includes(f))
        : [];
    if (refused.length > 0)
      return badRequest(`Filtering on these fields is not supported: ${refused.join(', ')}`);
    if (set.requireSelect && !request.query.$select)
      return badRequest('Please add a $select or a $top=1 statement to the query string.');
    const fields = select(set, request.query.$select);
    let records = this.store
      .all(division, set)
      .filter((record) => !filter || filter.matches(record));
    if (set.orderByTimestamp)
      records = [...records].sort((a, b) => Number(a.Timestamp) - Number(b.Timestamp));
    if (set === DIVISIONS)
      records = records.map((record) => ({
        ...record,
        Current: record.Code === session.currentDivision,
      }));
    const skipToken = request.query.$skiptoken;
    if (skipToken) {
      const last = set.orderByTimestamp
        ? Number(skipToken.replace(/L$/, ''))
        : /^guid'(.*)'$/.exec(skipToken)?.[1]?.toLowerCase();
      const index = records.findIndex((record) =>
        set.orderByTimestamp
          ? Number(record.Timestamp) === last
          : String(record[set.key]).toLowerCase() === last,
      );
      records = records.slice(index + 1);
    }
    const top = request.query.$top !== undefined ? Number(request.query.$top) : undefined;
    if (top !== undefined && (!Number.isInteger(top) || top < 0))
      return badRequest('Bad Request - Error in query syntax.');
    const page = records.slice(0, Math.min(set.pageSize, top ?? set.pageSize));
    const more = top === undefined && records.length > page.length;
    const body: { d: { results: unknown[]; __next?: string; __count?: string } } = {
      d: { results: page.map((record) => this.serialize(record, set, division, request, fields)) },
    };
    if (request.query.$inlinecount === 'allpages') body.d.__count = String(records.length);
    if (more) {
      const last = page[page.length - 1];
      body.d.__next = nextLink(
        request,
        division,
        set,
        set.orderByTimestamp ? `${last.Timestamp}L` : `guid'${last[set.key]}'`,
      );
    }
    return { status: 200, headers: {}, body };
  }

  private async create(
    division: number,
    set: EntitySetDefinition,
    request: ExactRequest,
    rules: ExactRules,
    session: ExactSession,
  ): Promise<ExactAnswer> {
    const values = this.readBody(set, request.body);
    const missing = set.mandatoryOnPost.filter(
      (field) => values[field] === undefined || values[field] === null || values[field] === '',
    );
    // The Mandatory column of Exact's reference; the wording of Exact's answer is UNCONFIRMED.
    if (missing.length > 0) return badRequest(`Mandatory: ${missing.join(', ')}`);
    this.checkReferences(division, set, values);
    rules.beforeInsert(set, values);
    let children = set.children ? (values[set.children.field] as ExactRecord[]) : [];
    if (set.children) {
      delete values[set.children.field];
      rules.entryLines(
        set,
        (children = children.map((line) => this.readBody(entitySet(set.children!.set)!, line))),
        values,
      );
    }
    if (set === WEBHOOK_SUBSCRIPTIONS) {
      const status = await this.webhooks.validateCallback(String(values.CallbackURL));
      if (typeof status !== 'number' || status < 200 || status >= 300) {
        return {
          status: 500,
          headers: {},
          body: odataError(`Invalid: Post to callback URL endpoint returns ${status}`),
        };
      }
      Object.assign(values, { ClientID: session.clientId, UserID: session.userId });
    }
    const record = this.store.insert(division, set, values);
    if (set.children) {
      const lineSet = entitySet(set.children.set)!;
      for (const line of children)
        this.store.insert(division, lineSet, {
          ...line,
          [set.children.parentKey]: record[set.key],
        });
    }
    this.afterChange(division, set, record, rules, request, 'Create');
    return {
      status: 201,
      headers: {},
      body: { d: this.serialize(record, set, division, request, null) },
    };
  }

  private update(
    division: number,
    set: EntitySetDefinition,
    key: string | number,
    request: ExactRequest,
    rules: ExactRules,
  ): ExactAnswer {
    const record = this.store.find(division, set, key);
    if (!record) return notFound(set, key);
    const values = this.readBody(set, request.body);
    this.checkReferences(division, set, values);
    rules.beforeUpdate(set, record, values);
    this.store.update(division, set, record, values);
    this.afterChange(division, set, record, rules, request, 'Update');
    return { status: 204, headers: {} };
  }

  private remove(
    division: number,
    set: EntitySetDefinition,
    key: string | number,
    request: ExactRequest,
    rules: ExactRules,
  ): ExactAnswer {
    const record = this.store.find(division, set, key);
    if (!record) return notFound(set, key);
    this.store.remove(division, set, record);
    if (ENTRY_KINDS.has(set)) rules.afterEntryDelete(set, record);
    if (set === SALES_ENTRY_LINES || set === PURCHASE_ENTRY_LINES) {
      const entrySet = rules.entrySetOfLines(set);
      const entry = this.store.find(division, entrySet, record.EntryID);
      const remaining = this.store
        .all(division, set)
        .filter((line) => line.EntryID === record.EntryID);
      // Deleting the last line deletes the entry (reference §4.3): add new lines first, delete old ones after.
      if (entry && remaining.length === 0) {
        this.store.remove(division, entrySet, entry);
        rules.afterEntryDelete(entrySet, entry);
      } else if (entry) {
        rules.afterEntryChange(entrySet, entry);
      }
    }
    if (set.topic)
      this.webhooks.notify(
        this.store,
        division,
        request.origin,
        set.topic,
        'Delete',
        String(key),
        set.path,
      );
    return { status: 204, headers: {} };
  }

  private afterChange(
    division: number,
    set: EntitySetDefinition,
    record: ExactRecord,
    rules: ExactRules,
    request: ExactRequest,
    action: 'Create' | 'Update',
  ): void {
    if (ENTRY_KINDS.has(set)) rules.afterEntryChange(set, record);
    if (set === SALES_ENTRY_LINES || set === PURCHASE_ENTRY_LINES) {
      const entry = this.store.find(division, rules.entrySetOfLines(set), record.EntryID);
      if (entry) rules.afterEntryChange(rules.entrySetOfLines(set), entry);
    }
    if (set.topic)
      this.webhooks.notify(
        this.store,
        division,
        request.origin,
        set.topic,
        action,
        String(record[set.key]),
        set.path,
      );
  }

  /** GUID fields must name a record of the same division; another division's GUID is refused like an unknown one. */
  private checkReferences(division: number, set: EntitySetDefinition, values: ExactRecord): void {
    for (const [field, target] of Object.entries(set.references ?? {})) {
      const value = values[field];
      if (value === undefined || value === null) continue;
      const targetSet = entitySet(target)!;
      if (!this.store.find(division, targetSet, value))
        throw new ExactRuleError(500, `Ongeldige referentie: ${target.split('/')[1]}`);
    }
  }

  /** Field names and value types as Exact's request-stream reader checks them. */
  private readBody(set: EntitySetDefinition, body: unknown): ExactRecord {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ExactRuleError(
        400,
        'Error processing request stream. The request should be a valid top-level resource object.',
      );
    }
    const values: ExactRecord = {};
    for (const [field, value] of Object.entries(body)) {
      const type = set.fields[field];
      if (!type)
        throw new ExactRuleError(
          400,
          `Error processing request stream. The property name '${field}' specified for type '${set.type}' is not valid.`,
        );
      if (set.serverFields.includes(field)) continue;
      if (set.children?.field === field) {
        if (!Array.isArray(value))
          throw new ExactRuleError(
            400,
            `Error processing request stream. '${field}' must be a collection.`,
          );
        values[field] = value;
        continue;
      }
      const converted = convert(value, type);
      if (converted === INVALID) {
        throw new ExactRuleError(
          400,
          `Error processing request stream. Error encountered in converting the value from request payload for property '${field}' to type '${edmType(type)}'.`,
        );
      }
      values[field] = converted;
    }
    return values;
  }

  /** A record as Exact writes it: __metadata first, dates as /Date(ms)/, collections deferred or expanded. */
  private serialize(
    record: ExactRecord,
    set: EntitySetDefinition,
    division: number,
    request: ExactRequest,
    fields: string[] | null,
  ): ExactRecord {
    const keyLiteral =
      set.fields[set.key] === 'guid' ? `guid'${record[set.key]}'` : String(record[set.key]);
    const uri = `${request.origin}/api/v1/${division}/${set.path}(${keyLiteral})`;
    const expand = (request.query.$expand ?? '').split(',').map((f) => f.trim());
    const out: ExactRecord = { __metadata: { uri, type: set.type } };
    for (const field of fields ?? Object.keys(set.fields)) {
      if (set.writeOnlyFields?.includes(field)) continue;
      if (set.fields[field] === 'deferred') {
        if (set.children?.field === field && expand.includes(field)) {
          const lineSet = entitySet(set.children.set)!;
          const lines = this.store
            .all(division, lineSet)
            .filter((line) => line[set.children!.parentKey] === record[set.key]);
          out[field] = {
            results: lines.map((line) =>
              this.serialize(line, lineSet, division, { ...request, query: {} }, null),
            ),
          };
        } else {
          out[field] = { __deferred: { uri: `${uri}/${field}` } };
        }
        continue;
      }
      const value = record[field];
      out[field] = value instanceof Date ? `/Date(${value.getTime()})/` : (value ?? null);
    }
    return out;
  }
}

const INVALID = Symbol('invalid');

function convert(value: unknown, type: FieldType): unknown {
  if (value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'string'
        ? value
        : typeof value === 'number'
          ? String(value)
          : INVALID;
    case 'guid':
      return typeof value === 'string' && GUID.test(value) ? value.toLowerCase() : INVALID;
    case 'boolean':
      return typeof value === 'boolean' ? value : INVALID;
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) ? number : INVALID;
    }
    case 'datetime': {
      const date =
        typeof value === 'string'
          ? new Date(
              /[zZ]|[+-]\d{2}:\d{2}$/.test(value)
                ? value
                : `${value}${value.length === 10 ? 'T00:00:00' : ''}Z`,
            )
          : null;
      return date && !Number.isNaN(date.getTime()) ? date : INVALID;
    }
    default:
      return INVALID;
  }
}

function parseKey(literal: string, type: FieldType): string | number | undefined {
  if (type === 'guid') {
    const key = /^guid'(.*)'$/.exec(literal)?.[1];
    return key && GUID.test(key) ? key : undefined;
  }
  return /^\d+$/.test(literal) ? Number(literal) : undefined;
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
  // "Lines/AmountFC" selects inside an expanded collection: the collection itself is what is shown here.
  const fields = [...new Set(selectText.split(',').map((field) => field.trim().split('/')[0]))];
  const unknown = fields.find((field) => !(field in set.fields));
  if (unknown)
    throw new ODataFilterError(
      `Could not find a property named '${unknown}' on type '${set.type}'.`,
    );
  return fields;
}

function nextLink(
  request: ExactRequest,
  division: number,
  set: EntitySetDefinition,
  skipToken: string,
): string {
  const options = Object.entries(request.query)
    .filter(([name]) => name !== '$skiptoken')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  options.push(`$skiptoken=${encodeURIComponent(skipToken)}`);
  return `${request.origin}/api/v1/${division}/${set.path}?${options.join('&')}`;
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function odataError(message: string) {
  return { error: { code: '', message: { lang: '', value: message } } };
}

function notFound(set: EntitySetDefinition, key: string | number): ExactAnswer {
  return {
    status: 404,
    headers: {},
    body: odataError(`${set.type} with key '${key}' was not found.`),
  };
}

function badRequest(message: string): ExactAnswer {
  return { status: 400, headers: {}, body: odataError(message) };
}
