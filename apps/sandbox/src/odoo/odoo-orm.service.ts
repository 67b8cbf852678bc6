import { Inject, Injectable } from '@nestjs/common';
import { SandboxClock } from '../control/sandbox-clock';
import { SANDBOX_CONFIG, SandboxConfig } from '../sandbox.config';
import { AnyOf, compileDomain } from './odoo-domain';
import {
  OdooException,
  accessError,
  missingError,
  validationError,
  valueError,
} from './odoo-errors';
import {
  ODOO_MODELS,
  OdooField,
  OdooModel,
  OdooReader,
  fieldsOf,
  storedColumns,
} from './odoo-models';

export type OdooRecord = Record<string, unknown> & { id: number };

export interface OdooContext {
  active_test?: boolean;
  allowed_company_ids?: number[];
  active_model?: string;
  active_ids?: number[];
  [key: string]: unknown;
}

export interface SearchOptions {
  offset?: number;
  limit?: number | false;
  order?: string;
  context?: OdooContext;
}

/** A change the ORM made through create or write (listeners: the accounting rules, the event emitter). */
export interface OdooChange {
  model: string;
  kind: 'create' | 'write';
  ids: number[];
  values: Record<string, unknown>;
  context: OdooContext;
}

/**
 * An in-memory ORM with Odoo's semantics for the records the connector touches: per-version field
 * names (a renamed field reads and writes the same column), computed fields, many2one read as
 * `[id, name]`, x2many commands, archived records and the multi-company record rule.
 */
@Injectable()
export class OdooOrm implements OdooReader {
  private tables = new Map<string, Map<number, OdooRecord>>();
  private nextIds = new Map<string, number>();
  private majorVersion: number;
  private readonly listeners: ((change: OdooChange) => void)[] = [];

  constructor(
    private readonly clock: SandboxClock,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    this.majorVersion = config.SANDBOX_ODOO_VERSION;
  }

  get version(): number {
    return this.majorVersion;
  }

  /** Empties every model and switches version; the seed is loaded by whoever resets. */
  clear(version: number = this.config.SANDBOX_ODOO_VERSION): void {
    this.majorVersion = version;
    this.tables = new Map();
    this.nextIds = new Map();
  }

  onChange(listener: (change: OdooChange) => void): void {
    this.listeners.push(listener);
  }

  model(name: string): OdooModel {
    const model = ODOO_MODELS[name];
    if (!model) throw new OdooException('builtins.KeyError', name);
    return model;
  }

  fields(model: OdooModel): Record<string, OdooField> {
    return fieldsOf(model, this.majorVersion);
  }

  get(model: string, id: number): OdooRecord | undefined {
    return this.table(model).get(id);
  }

  /** All stored records of a model, archived ones included. */
  all(model: string): OdooRecord[] {
    return [...this.table(model).values()];
  }

  /** Sets stored columns directly (business rules); no listener is told. */
  rawUpdate(model: string, id: number, values: Record<string, unknown>): void {
    const record = this.table(model).get(id);
    if (!record)
      throw missingError(
        `Record does not exist or has been deleted.\n(Record: ${model}(${id},), User: 2)`,
      );
    Object.assign(record, values, { write_date: this.timestamp() });
  }

  /** Inserts stored columns directly (business rules): defaults filled, no checks, no listener told. */
  rawCreate(modelName: string, values: Record<string, unknown>): OdooRecord {
    const record: OdooRecord = { id: this.nextId(modelName) };
    for (const [name, field] of Object.entries(storedColumns(this.model(modelName)))) {
      record[name] =
        field.default ??
        (field.type === 'many2many'
          ? []
          : ['integer', 'float', 'monetary'].includes(field.type)
            ? 0
            : false);
    }
    Object.assign(record, values, { create_date: this.timestamp(), write_date: this.timestamp() });
    this.table(modelName).set(record.id, record);
    return record;
  }

  rawDelete(model: string, id: number): void {
    this.table(model).delete(id);
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
    // Odoo hides attachments of binary fields (res_field set) unless the domain asks for res_field or id.
    const mentions = (name: string) =>
      Array.isArray(domain) && domain.some((term) => Array.isArray(term) && term[0] === name);
    const hideFieldAttachments =
      modelName === 'ir.attachment' && !mentions('res_field') && !mentions('id');
    const rows = this.all(modelName)
      .filter((record) => !skipArchived || record.active !== false)
      .filter((record) => !hideFieldAttachments || !record.res_field)
      .filter((record) => this.visible(model, record, context))
      .filter((record) =>
        matches(record, (r, path) => this.readPath(model, r as OdooRecord, path)),
      );
    rows.sort(this.comparator(model, options.order || model.order));
    const offset = options.offset ?? 0;
    const limit =
      options.limit === false || options.limit === undefined || options.limit === null
        ? rows.length
        : options.limit;
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
      const record = this.get(modelName, id);
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
    for (const [name, field] of Object.entries(storedColumns(model))) {
      record[name] =
        field.default ??
        (field.type === 'many2many'
          ? []
          : ['integer', 'float', 'monetary'].includes(field.type)
            ? 0
            : false);
    }
    for (const [key, value] of Object.entries(context)) {
      // default_<field> in the context fills the field, as Odoo's default_get does.
      if (
        key.startsWith('default_') &&
        key.slice(8) in this.fields(model) &&
        !(key.slice(8) in values)
      )
        values = { ...values, [key.slice(8)]: value };
    }
    const now = this.timestamp();
    record.create_date = now;
    record.write_date = now;
    const deferred = this.assign(model, record, values);
    this.checkConstraints(model, record);
    this.table(modelName).set(record.id, record);
    deferred.forEach((apply) => apply());
    this.notify({ model: modelName, kind: 'create', ids: [record.id], values, context });
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
      const record = this.get(modelName, id);
      if (!record)
        throw missingError(
          `Record does not exist or has been deleted.\n(Record: ${modelName}(${id},), User: 2)`,
        );
      return record;
    });
    for (const record of records) {
      const updated = { ...record };
      const deferred = this.assign(model, updated, values);
      updated.write_date = this.timestamp();
      this.checkConstraints(model, updated);
      Object.assign(record, updated);
      deferred.forEach((apply) => apply());
    }
    this.notify({ model: modelName, kind: 'write', ids, values, context });
    return true;
  }

  timestamp(): string {
    return this.clock.now().toISOString().replace('T', ' ').slice(0, 19);
  }

  today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  displayName(modelName: string, record: OdooRecord): string {
    const model = this.model(modelName);
    if (model.recName === 'id') return `${modelName},${record.id}`;
    const own = String(record[model.recName] || '');
    if (modelName === 'res.partner' && typeof record.parent_id === 'number') {
      const parent = this.get('res.partner', record.parent_id);
      if (parent) return `${this.displayName(modelName, parent)}, ${own}`;
    }
    return own;
  }

  private notify(change: OdooChange): void {
    for (const listener of this.listeners) listener(change);
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

  /** Applies written values to a record; one2many commands run after the record exists (returned). */
  private assign(
    model: OdooModel,
    record: OdooRecord,
    values: Record<string, unknown>,
  ): (() => void)[] {
    const fields = this.fields(model);
    const deferred: (() => void)[] = [];
    for (const [name, value] of Object.entries(values)) {
      const field = fields[name];
      if (!field) throw valueError(`Invalid field '${name}' on model '${model.name}'`);
      if (field.inverseWrite) {
        Object.assign(record, field.inverseWrite(value));
        continue;
      }
      if (field.readonly || field.compute) continue; // Odoo ignores values for computed fields without an inverse
      const column = field.storedAs ?? name;
      if (field.type === 'many2one') {
        if (
          value !== false &&
          value !== null &&
          (typeof value !== 'number' || !this.get(field.relation!, value))
        ) {
          throw missingError(
            `Record does not exist or has been deleted.\n(Record: ${field.relation}(${String(value)},), User: 2)`,
          );
        }
        record[column] = value ?? false;
      } else if (field.type === 'many2many') {
        record[column] = this.applyMany2many(field, (record[column] as number[]) ?? [], value);
      } else if (field.type === 'one2many') {
        deferred.push(() => this.applyOne2many(field, record.id, value));
      } else {
        record[column] = value === null ? false : value;
      }
    }
    return deferred;
  }

  private applyMany2many(field: OdooField, current: number[], commands: unknown): number[] {
    let ids = [...current];
    for (const command of normaliseCommands(commands)) {
      const [code, id, payload] = command as [number, number, unknown];
      if (code === 6) ids = [...(payload as number[])];
      else if (code === 4) ids = ids.includes(id) ? ids : [...ids, id];
      else if (code === 3) ids = ids.filter((existing) => existing !== id);
      else if (code === 5) ids = [];
      else if (code === 0)
        ids = [...ids, this.create(field.relation!, payload as Record<string, unknown>)];
      else throw valueError(`Unsupported command ${code} on a many2many field`);
    }
    for (const id of ids) {
      if (!this.get(field.relation!, id))
        throw missingError(
          `Record does not exist or has been deleted.\n(Record: ${field.relation}(${id},), User: 2)`,
        );
    }
    return ids;
  }

  private applyOne2many(field: OdooField, ownerId: number, commands: unknown): void {
    for (const command of normaliseCommands(commands)) {
      const [code, id, payload] = command as [number, number, Record<string, unknown>];
      if (code === 0) this.create(field.relation!, { ...payload, [field.inverse!]: ownerId });
      else if (code === 1) this.write(field.relation!, [id], payload);
      else if (code === 2) this.rawDelete(field.relation!, id);
      else if (code === 4) this.write(field.relation!, [id], { [field.inverse!]: ownerId });
      else throw valueError(`Unsupported command ${code} on a one2many field`);
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
    if (!Array.isArray(allowed) || allowed.some((id) => !this.get('res.company', id))) {
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
        if (!['many2one', 'one2many', 'many2many'].includes(field.type)) {
          throw valueError(`Invalid field ${current.name}.${part} in leaf ${JSON.stringify(leaf)}`);
        }
        current = this.model((field as OdooField).relation!);
      }
    });
  }

  /** A path's value for a domain leaf; through an x2many field, every related value (AnyOf). */
  private readPath(model: OdooModel, record: OdooRecord, path: string): unknown {
    const [head, ...rest] = path.split('.');
    const value = head === 'id' ? record.id : this.readField(model, record, head);
    const field = head === 'id' ? undefined : this.fields(model)[head];
    const many = field?.type === 'one2many' || field?.type === 'many2many';
    if (rest.length === 0) return many ? new AnyOf(value as number[]) : value;
    const ids = many ? (value as number[]) : Array.isArray(value) ? [value[0] as number] : [];
    const relation = this.model(field!.relation!);
    const values = ids
      .map((id) => this.get(relation.name, id))
      .filter((target): target is OdooRecord => Boolean(target))
      .map((target) => this.readPath(relation, target, rest.join('.')));
    if (!many) return values[0] ?? false;
    return new AnyOf(values.flatMap((v) => (v instanceof AnyOf ? v.values : [v])));
  }

  private readField(model: OdooModel, record: OdooRecord, name: string): unknown {
    if (name === 'display_name' || name === 'complete_name')
      return this.displayName(model.name, record);
    const field = this.fields(model)[name];
    if (name === 'commercial_partner_id' && model.name === 'res.partner') {
      const commercial = this.commercialPartner(record);
      return [commercial.id, this.displayName('res.partner', commercial)];
    }
    const value = field.compute ? field.compute(record, this) : record[field.storedAs ?? name];
    switch (field.type) {
      case 'many2one': {
        if (typeof value !== 'number') return false;
        const target = this.get(field.relation!, value);
        return target ? [value, this.displayName(field.relation!, target)] : false;
      }
      case 'many2many':
        return Array.isArray(value) ? value : [];
      case 'one2many':
        return this.all(field.relation!)
          .filter(
            (related) =>
              related[field.inverse!] === record.id && (!field.where || field.where(related, this)),
          )
          .map((related) => related.id);
      default:
        return value === undefined || value === null ? false : value;
    }
  }

  private commercialPartner(record: OdooRecord): OdooRecord {
    if (record.is_company || typeof record.parent_id !== 'number') return record;
    const parent = this.get('res.partner', record.parent_id);
    return parent ? this.commercialPartner(parent) : record;
  }

  private comparator(model: OdooModel, order: string): (a: OdooRecord, b: OdooRecord) => number {
    const fields = this.fields(model);
    const stored = storedColumns(model);
    const keys = order.split(',').map((part) => {
      const [name, direction] = part.trim().split(/\s+/);
      // A model's own _order may name the stored column of a field this version calls differently.
      const known =
        name === 'id' ||
        name in fields ||
        name in stored ||
        name === 'complete_name' ||
        name === 'display_name';
      if (!known) throw valueError(`Invalid "order" specified (${order}).`);
      return { name, descending: direction?.toLowerCase() === 'desc' };
    });
    const value = (record: OdooRecord, name: string) =>
      name === 'id'
        ? record.id
        : name in fields || name === 'complete_name' || name === 'display_name'
          ? this.readField(model, record, name)
          : record[name];
    return (a, b) => {
      for (const { name, descending } of keys) {
        const [x, y] = [sortable(value(a, name)), sortable(value(b, name))];
        if (x < y) return descending ? 1 : -1;
        if (x > y) return descending ? -1 : 1;
      }
      return 0;
    };
  }
}

/** x2many values: a list of commands, or a plain list of ids meaning (6, 0, ids). */
function normaliseCommands(value: unknown): unknown[] {
  if (!Array.isArray(value))
    throw valueError(`Wrong value for an x2many field: ${JSON.stringify(value)}`);
  if (value.every((item) => typeof item === 'number')) return [[6, 0, value]];
  return value;
}

function sortable(value: unknown): string | number {
  if (Array.isArray(value)) return String(value[1]).toLowerCase();
  if (typeof value === 'number') return value;
  if (value === false || value === null || value === undefined) return '';
  return String(value).toLowerCase();
}
