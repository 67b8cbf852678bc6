import { Inject, Injectable } from '@nestjs/common';
import { SandboxClock } from '../control/sandbox-clock';
import { SANDBOX_CONFIG, SandboxConfig } from '../sandbox.config';
import { compileDomain } from './odoo-domain';
import {
  OdooException,
  accessError,
  missingError,
  validationError,
  valueError,
} from './odoo-errors';
import { ODOO_MODELS, OdooField, OdooModel, fieldsOf } from './odoo-models';
import { seedOdoo } from './odoo-seed';

export type OdooRecord = Record<string, unknown> & { id: number };

export interface OdooContext {
  active_test?: boolean;
  allowed_company_ids?: number[];
  [key: string]: unknown;
}

export interface SearchOptions {
  offset?: number;
  limit?: number | false;
  order?: string;
  context?: OdooContext;
}

/** An in-memory ORM with Odoo's semantics for the records the connector touches. */
@Injectable()
export class OdooOrm {
  private tables = new Map<string, Map<number, OdooRecord>>();
  private nextIds = new Map<string, number>();
  private majorVersion: number;

  constructor(
    private readonly clock: SandboxClock,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    this.majorVersion = config.SANDBOX_ODOO_VERSION;
    this.reset();
  }

  get version(): number {
    return this.majorVersion;
  }

  /** Empties every model, optionally switches version, and loads the seed data again. */
  reset(version: number = this.config.SANDBOX_ODOO_VERSION): void {
    this.majorVersion = version;
    this.tables = new Map();
    this.nextIds = new Map();
    seedOdoo(this);
  }

  model(name: string): OdooModel {
    const model = ODOO_MODELS[name];
    if (!model) throw new OdooException('builtins.KeyError', name);
    return model;
  }

  fields(model: OdooModel): Record<string, OdooField> {
    return fieldsOf(model, this.majorVersion);
  }

  /** All stored records of a model, archived ones included (inspection). */
  all(modelName: string): OdooRecord[] {
    return [...this.table(modelName).values()];
  }

  search(modelName: string, domain: unknown, options: SearchOptions = {}): number[] {
    const model = this.model(modelName);
    const fields = this.fields(model);
    const context = options.context ?? {};
    this.checkCompanies(context);
    const matches = compileDomain(domain, (path, leaf) => this.checkPath(model, path, leaf));
    const mentionsActive =
      Array.isArray(domain) && domain.some((term) => Array.isArray(term) && term[0] === 'active');
    const skipArchived = 'active' in fields && context.active_test !== false && !mentionsActive;
    const rows = this.all(modelName)
      .filter((record) => !skipArchived || record.active !== false)
      .filter((record) => this.visible(model, record, context))
      .filter((record) =>
        matches(record, (r, path) => this.readPath(model, r as OdooRecord, path)),
      );
    rows.sort(this.comparator(model, options.order ?? model.order));
    const offset = options.offset ?? 0;
    const limit =
      options.limit === false || options.limit === undefined ? rows.length : options.limit;
    return rows.slice(offset, offset + limit).map((record) => record.id);
  }

  read(
    modelName: string,
    ids: number[],
    fieldNames: string[] | undefined,
    context: OdooContext = {},
  ): Record<string, unknown>[] {
    const model = this.model(modelName);
    const fields = this.fields(model);
    this.checkCompanies(context);
    const wanted = fieldNames && fieldNames.length > 0 ? fieldNames : Object.keys(fields);
    for (const name of wanted) {
      if (name !== 'id' && !(name in fields))
        throw valueError(`Invalid field '${name}' on model '${modelName}'`);
    }
    return ids.map((id) => {
      const record = this.table(modelName).get(id);
      if (!record || !this.visible(model, record, context)) {
        throw missingError(
          `Record does not exist or has been deleted.\n(Record: ${modelName}(${id},), User: 2)`,
        );
      }
      const row: Record<string, unknown> = { id };
      for (const name of wanted.filter((n) => n !== 'id'))
        row[name] = this.readField(model, record, name);
      return row;
    });
  }

  create(modelName: string, values: Record<string, unknown>, context: OdooContext = {}): number {
    const model = this.model(modelName);
    this.checkCompanies(context);
    const record: OdooRecord = { id: this.nextId(modelName) };
    for (const [name, field] of Object.entries(this.fields(model))) {
      if (!field.readonly)
        record[name] =
          field.default ?? (field.type === 'integer' || field.type === 'float' ? 0 : false);
    }
    this.assign(model, record, values);
    const now = this.timestamp();
    record.create_date = now;
    record.write_date = now;
    this.checkConstraints(model, record);
    this.table(modelName).set(record.id, record);
    return record.id;
  }

  write(
    modelName: string,
    ids: number[],
    values: Record<string, unknown>,
    context: OdooContext = {},
  ): boolean {
    const model = this.model(modelName);
    this.checkCompanies(context);
    const records = ids.map((id) => {
      const record = this.table(modelName).get(id);
      if (!record)
        throw missingError(
          `Record does not exist or has been deleted.\n(Record: ${modelName}(${id},), User: 2)`,
        );
      return record;
    });
    for (const record of records) {
      const updated = { ...record };
      this.assign(model, updated, values);
      updated.write_date = this.timestamp();
      this.checkConstraints(model, updated);
      Object.assign(record, updated);
    }
    return true;
  }

  private table(modelName: string): Map<number, OdooRecord> {
    let table = this.tables.get(modelName);
    if (!table) this.tables.set(modelName, (table = new Map()));
    return table;
  }

  private nextId(modelName: string): number {
    const id = this.nextIds.get(modelName) ?? 1;
    this.nextIds.set(modelName, id + 1);
    return id;
  }

  private timestamp(): string {
    return this.clock.now().toISOString().replace('T', ' ').slice(0, 19);
  }

  private assign(model: OdooModel, record: OdooRecord, values: Record<string, unknown>): void {
    const fields = this.fields(model);
    for (const [name, value] of Object.entries(values)) {
      const field = fields[name];
      if (!field) throw valueError(`Invalid field '${name}' on model '${model.name}'`);
      if (field.readonly) continue; // Odoo ignores values for computed fields without an inverse
      if (field.type === 'many2one' && value !== false && value !== null) {
        if (typeof value !== 'number' || !this.table(field.relation!).has(value)) {
          throw missingError(
            `Record does not exist or has been deleted.\n(Record: ${field.relation}(${String(value)},), User: 2)`,
          );
        }
      }
      record[name] = value === null ? false : value;
    }
  }

  private checkConstraints(model: OdooModel, record: OdooRecord): void {
    if (model.name === 'res.partner' && record.type === 'contact' && !record.name) {
      throw validationError('The operation cannot be completed: Contacts require a name');
    }
  }

  /** `allowed_company_ids` must be companies of the user (here: every company). */
  private checkCompanies(context: OdooContext): void {
    const allowed = context.allowed_company_ids;
    if (allowed === undefined) return;
    const companies = this.table('res.company');
    if (!Array.isArray(allowed) || allowed.some((id) => !companies.has(id))) {
      throw accessError('Access to unauthorized or invalid companies.');
    }
  }

  /** Multi-company record rule: a record of another company is invisible; one without a company is shared. */
  private visible(model: OdooModel, record: OdooRecord, context: OdooContext): boolean {
    const allowed = context.allowed_company_ids;
    if (!allowed || !('company_id' in model.fields) || model.name === 'res.company') return true;
    return record.company_id === false || allowed.includes(record.company_id as number);
  }

  private checkPath(model: OdooModel, path: string, leaf: unknown): void {
    let current = model;
    const parts = path.split('.');
    parts.forEach((part, index) => {
      const field = part === 'id' ? { type: 'integer' as const } : this.fields(current)[part];
      if (!field)
        throw valueError(`Invalid field ${current.name}.${part} in leaf ${JSON.stringify(leaf)}`);
      if (index < parts.length - 1) {
        if (field.type !== 'many2one')
          throw valueError(`Invalid field ${current.name}.${part} in leaf ${JSON.stringify(leaf)}`);
        current = this.model((field as OdooField).relation!);
      }
    });
  }

  private readPath(model: OdooModel, record: OdooRecord, path: string): unknown {
    const [head, ...rest] = path.split('.');
    const value = head === 'id' ? record.id : this.readField(model, record, head);
    if (rest.length === 0) return value;
    if (!Array.isArray(value)) return false;
    const relation = this.model(this.fields(model)[head].relation!);
    const target = this.table(relation.name).get(value[0] as number);
    return target ? this.readPath(relation, target, rest.join('.')) : false;
  }

  private readField(model: OdooModel, record: OdooRecord, name: string): unknown {
    const field = this.fields(model)[name];
    switch (name) {
      case 'display_name':
      case 'complete_name':
        return this.displayName(model, record);
      case 'company_type':
        return record.is_company ? 'company' : 'person';
      case 'commercial_partner_id': {
        const commercial = this.commercialPartner(record);
        return [commercial.id, this.displayName(model, commercial)];
      }
    }
    const value = record[name];
    if (field.type === 'many2one') {
      if (typeof value !== 'number') return false;
      const relation = this.model(field.relation!);
      const target = this.table(relation.name).get(value);
      return target ? [value, this.displayName(relation, target)] : false;
    }
    return value === undefined || value === null ? false : value;
  }

  private displayName(model: OdooModel, record: OdooRecord): string {
    const own = String(record[model.recName] || '');
    if (model.name === 'res.partner' && typeof record.parent_id === 'number') {
      const parent = this.table('res.partner').get(record.parent_id);
      if (parent) return `${this.displayName(model, parent)}, ${own}`;
    }
    return own;
  }

  private commercialPartner(record: OdooRecord): OdooRecord {
    if (record.is_company || typeof record.parent_id !== 'number') return record;
    const parent = this.table('res.partner').get(record.parent_id);
    return parent ? this.commercialPartner(parent) : record;
  }

  private comparator(model: OdooModel, order: string): (a: OdooRecord, b: OdooRecord) => number {
    const keys = order.split(',').map((part) => {
      const [field, direction] = part.trim().split(/\s+/);
      const name =
        field === 'complete_name' && !('complete_name' in this.fields(model))
          ? 'display_name'
          : field;
      if (name !== 'id' && !(name in this.fields(model)))
        throw valueError(`Invalid "order" specified (${order}).`);
      return { name, descending: direction?.toLowerCase() === 'desc' };
    });
    return (a, b) => {
      for (const { name, descending } of keys) {
        const [x, y] = [
          sortable(name === 'id' ? a.id : this.readField(model, a, name)),
          sortable(name === 'id' ? b.id : this.readField(model, b, name)),
        ];
        if (x < y) return descending ? 1 : -1;
        if (x > y) return descending ? -1 : 1;
      }
      return 0;
    };
  }
}

function sortable(value: unknown): string | number {
  if (Array.isArray(value)) return String(value[1]).toLowerCase();
  if (typeof value === 'number') return value;
  if (value === false || value === null || value === undefined) return '';
  return String(value).toLowerCase();
}
