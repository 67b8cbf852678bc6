/** Field types of the simulated ORM, as Odoo names them. */
export type OdooFieldType =
  | 'char'
  | 'text'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'many2one';

export interface OdooField {
  type: OdooFieldType;
  /** Target model of a many2one. */
  relation?: string;
  /** Present from this major version on (inclusive). */
  since?: number;
  /** Present up to this major version (inclusive). */
  until?: number;
  /** Set by the ORM, refused in create/write. */
  readonly?: boolean;
  default?: unknown;
}

export interface OdooModel {
  name: string;
  /** Field used for many2one display names and name searches. */
  recName: string;
  /** Default `_order`. */
  order: string;
  fields: Record<string, OdooField>;
}

const AUDIT: Record<string, OdooField> = {
  create_date: { type: 'datetime', readonly: true },
  write_date: { type: 'datetime', readonly: true },
  display_name: { type: 'char', readonly: true },
};

export const ODOO_MODELS: Record<string, OdooModel> = {
  'res.country': {
    name: 'res.country',
    recName: 'name',
    order: 'name',
    fields: { ...AUDIT, name: { type: 'char' }, code: { type: 'char' } },
  },
  'res.company': {
    name: 'res.company',
    recName: 'name',
    order: 'sequence, name',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      sequence: { type: 'integer', default: 10 },
      country_id: { type: 'many2one', relation: 'res.country' },
    },
  },
  'res.partner': {
    name: 'res.partner',
    recName: 'name',
    order: 'complete_name ASC, id DESC',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      complete_name: { type: 'char', readonly: true, since: 16 },
      is_company: { type: 'boolean', default: false },
      company_type: { type: 'selection', readonly: true },
      parent_id: { type: 'many2one', relation: 'res.partner' },
      commercial_partner_id: { type: 'many2one', relation: 'res.partner', readonly: true },
      type: { type: 'selection', default: 'contact' },
      email: { type: 'char' },
      phone: { type: 'char' },
      mobile: { type: 'char' },
      vat: { type: 'char' },
      ref: { type: 'char' },
      company_registry: { type: 'char', since: 16 },
      street: { type: 'char' },
      street2: { type: 'char' },
      zip: { type: 'char' },
      city: { type: 'char' },
      country_id: { type: 'many2one', relation: 'res.country' },
      lang: { type: 'selection', default: 'en_US' },
      active: { type: 'boolean', default: true },
      company_id: { type: 'many2one', relation: 'res.company' },
      customer_rank: { type: 'integer', default: 0 },
      supplier_rank: { type: 'integer', default: 0 },
    },
  },
};

/** The fields a model has in a given Odoo version. */
export function fieldsOf(model: OdooModel, version: number): Record<string, OdooField> {
  return Object.fromEntries(
    Object.entries(model.fields).filter(
      ([, field]) => (field.since ?? 0) <= version && version <= (field.until ?? Infinity),
    ),
  );
}
