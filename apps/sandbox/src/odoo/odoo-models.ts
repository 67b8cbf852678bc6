import type { OdooRecord } from './odoo-orm.service';

/** Field types of the simulated ORM, as Odoo names them. */
export type OdooFieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'binary'
  | 'many2one'
  | 'one2many'
  | 'many2many';

/** Reads the simulated database (for computed fields). */
export interface OdooReader {
  get(model: string, id: number): OdooRecord | undefined;
  all(model: string): OdooRecord[];
  version: number;
}

export interface OdooField {
  type: OdooFieldType;
  /** Target model of a relational field. */
  relation?: string;
  /** one2many: the many2one of the relation that points back. */
  inverse?: string;
  /** Present from this major version on (inclusive). */
  since?: number;
  /** Present up to this major version (inclusive). */
  until?: number;
  /** Set by the ORM or computed; values sent in create/write are ignored, as Odoo does. */
  readonly?: boolean;
  default?: unknown;
  /** The stored column this name reads and writes: a field renamed between versions (13 `type` → `move_type`). */
  storedAs?: string;
  /** Computed when read. */
  compute?: (record: OdooRecord, db: OdooReader) => unknown;
  /** For a computed field that can be written: the stored values a written value becomes. */
  inverseWrite?: (value: unknown) => Record<string, unknown>;
  /** one2many: only the related records that pass (invoice_line_ids among line_ids). */
  where?: (related: OdooRecord, db: OdooReader) => boolean;
}

export interface OdooModel {
  name: string;
  /** Field used for display names and name searches. */
  recName: string;
  /** Default `_order`. */
  order: string;
  /** A field may differ by version: then it lists one variant per version range. */
  fields: Record<string, OdooField | OdooField[]>;
  /** Transient models (wizards) cannot be searched for their records' history; kept for completeness. */
  transient?: boolean;
}

const AUDIT: Record<string, OdooField> = {
  create_date: { type: 'datetime', readonly: true },
  write_date: { type: 'datetime', readonly: true },
  display_name: { type: 'char', readonly: true },
};

/** 16+ values of account.move.line.display_type; ≤15 shows product, tax and term lines as `false`. */
const LEGACY_DISPLAY_TYPES = ['line_section', 'line_note'];
const isInvoiceTabLine = (line: OdooRecord) =>
  ['product', 'line_section', 'line_note'].includes(String(line.display_type));

/** 16+ account_type values and the ≤15 account.account.type (user_type_id) they stand for. */
export const ACCOUNT_TYPES: Record<
  string,
  { name: string; internalType: string; internalGroup: string }
> = {
  asset_receivable: { name: 'Receivable', internalType: 'receivable', internalGroup: 'asset' },
  liability_payable: { name: 'Payable', internalType: 'payable', internalGroup: 'liability' },
  asset_cash: { name: 'Bank and Cash', internalType: 'liquidity', internalGroup: 'asset' },
  asset_current: { name: 'Current Assets', internalType: 'other', internalGroup: 'asset' },
  liability_current: {
    name: 'Current Liabilities',
    internalType: 'other',
    internalGroup: 'liability',
  },
  income: { name: 'Income', internalType: 'other', internalGroup: 'income' },
  expense: { name: 'Expenses', internalType: 'other', internalGroup: 'expense' },
  equity: { name: 'Equity', internalType: 'other', internalGroup: 'equity' },
};

export const ODOO_MODELS: Record<string, OdooModel> = {
  'res.country': {
    name: 'res.country',
    recName: 'name',
    order: 'name',
    fields: { ...AUDIT, name: { type: 'char' }, code: { type: 'char' } },
  },
  'res.currency': {
    name: 'res.currency',
    recName: 'name',
    order: 'active desc, name',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      symbol: { type: 'char' },
      rate: { type: 'float', default: 1 },
      active: { type: 'boolean', default: true },
    },
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
      currency_id: { type: 'many2one', relation: 'res.currency' },
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
      company_type: {
        type: 'selection',
        readonly: true,
        compute: (r) => (r.is_company ? 'company' : 'person'),
      },
      parent_id: { type: 'many2one', relation: 'res.partner' },
      child_ids: { type: 'one2many', relation: 'res.partner', inverse: 'parent_id' },
      commercial_partner_id: { type: 'many2one', relation: 'res.partner', readonly: true },
      type: { type: 'selection', default: 'contact' },
      email: { type: 'char' },
      phone: { type: 'char' },
      mobile: { type: 'char' },
      function: { type: 'char' },
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
      property_payment_term_id: { type: 'many2one', relation: 'account.payment.term' },
      property_supplier_payment_term_id: { type: 'many2one', relation: 'account.payment.term' },
    },
  },
  'account.account.type': {
    name: 'account.account.type',
    recName: 'name',
    order: 'name',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      type: { type: 'selection' },
      internal_group: { type: 'selection' },
      key: { type: 'char' },
    },
  },
  'account.account': {
    name: 'account.account',
    recName: 'name',
    order: 'code',
    fields: {
      ...AUDIT,
      code: { type: 'char' },
      name: { type: 'char' },
      company_id: { type: 'many2one', relation: 'res.company' },
      reconcile: { type: 'boolean', default: false },
      deprecated: { type: 'boolean', default: false },
      currency_id: { type: 'many2one', relation: 'res.currency' },
      account_type: { type: 'selection', since: 16 },
      user_type_id: {
        type: 'many2one',
        relation: 'account.account.type',
        until: 15,
        readonly: true,
        compute: (r, db) =>
          db.all('account.account.type').find((t) => t.key === r.account_type)?.id ?? false,
      },
      internal_type: {
        type: 'selection',
        until: 15,
        readonly: true,
        compute: (r) => ACCOUNT_TYPES[String(r.account_type)]?.internalType ?? 'other',
      },
      internal_group: {
        type: 'selection',
        readonly: true,
        compute: (r) => ACCOUNT_TYPES[String(r.account_type)]?.internalGroup ?? 'asset',
      },
    },
  },
  'account.payment.method': {
    name: 'account.payment.method',
    recName: 'name',
    order: 'id',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      code: { type: 'char' },
      payment_type: { type: 'selection' },
    },
  },
  'account.payment.method.line': {
    name: 'account.payment.method.line',
    recName: 'name',
    order: 'sequence, id',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      sequence: { type: 'integer', default: 10 },
      payment_method_id: { type: 'many2one', relation: 'account.payment.method' },
      journal_id: { type: 'many2one', relation: 'account.journal' },
      payment_type: {
        type: 'selection',
        readonly: true,
        compute: (r, db) =>
          db.get('account.payment.method', Number(r.payment_method_id))?.payment_type ?? false,
      },
    },
  },
  'account.journal': {
    name: 'account.journal',
    recName: 'name',
    order: 'sequence, type, code',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      code: { type: 'char' },
      type: { type: 'selection' },
      sequence: { type: 'integer', default: 10 },
      company_id: { type: 'many2one', relation: 'res.company' },
      currency_id: { type: 'many2one', relation: 'res.currency' },
      active: { type: 'boolean', default: true },
      default_account_id: { type: 'many2one', relation: 'account.account', since: 14 },
      default_debit_account_id: {
        type: 'many2one',
        relation: 'account.account',
        until: 13,
        storedAs: 'default_account_id',
      },
      default_credit_account_id: {
        type: 'many2one',
        relation: 'account.account',
        until: 13,
        storedAs: 'default_account_id',
      },
      invoice_reference_type: { type: 'selection', default: 'invoice' },
      invoice_reference_model: { type: 'selection', default: 'odoo' },
      inbound_payment_method_ids: {
        type: 'many2many',
        relation: 'account.payment.method',
        until: 14,
      },
      outbound_payment_method_ids: {
        type: 'many2many',
        relation: 'account.payment.method',
        until: 14,
      },
      inbound_payment_method_line_ids: {
        type: 'one2many',
        relation: 'account.payment.method.line',
        inverse: 'journal_id',
        since: 15,
        where: (line, db) =>
          db.get('account.payment.method', Number(line.payment_method_id))?.payment_type ===
          'inbound',
      },
      outbound_payment_method_line_ids: {
        type: 'one2many',
        relation: 'account.payment.method.line',
        inverse: 'journal_id',
        since: 15,
        where: (line, db) =>
          db.get('account.payment.method', Number(line.payment_method_id))?.payment_type ===
          'outbound',
      },
    },
  },
  'account.tax': {
    name: 'account.tax',
    recName: 'name',
    order: 'sequence, id',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      description: { type: 'char' },
      amount: { type: 'float', default: 0 },
      amount_type: { type: 'selection', default: 'percent' },
      type_tax_use: { type: 'selection', default: 'sale' },
      price_include: { type: 'boolean', default: false },
      sequence: { type: 'integer', default: 1 },
      company_id: { type: 'many2one', relation: 'res.company' },
      country_id: { type: 'many2one', relation: 'res.country', since: 15 },
      invoice_label: { type: 'char', since: 17 },
      active: { type: 'boolean', default: true },
    },
  },
  'account.payment.term': {
    name: 'account.payment.term',
    recName: 'name',
    order: 'sequence, id',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      sequence: { type: 'integer', default: 10 },
      note: { type: 'html' },
      company_id: { type: 'many2one', relation: 'res.company' },
      active: { type: 'boolean', default: true },
      line_ids: { type: 'one2many', relation: 'account.payment.term.line', inverse: 'payment_id' },
    },
  },
  'account.payment.term.line': {
    name: 'account.payment.term.line',
    recName: 'value',
    order: 'id',
    fields: {
      ...AUDIT,
      payment_id: { type: 'many2one', relation: 'account.payment.term' },
      value: { type: 'selection', default: 'balance' },
      value_amount: { type: 'float', default: 0 },
      days: { type: 'integer', until: 16, storedAs: 'nb_days' },
      option: { type: 'selection', until: 15, default: 'day_after_invoice_date' },
      nb_days: { type: 'integer', since: 17 },
      delay_type: { type: 'selection', since: 17, default: 'days_after' },
    },
  },
  'ir.attachment': {
    name: 'ir.attachment',
    recName: 'name',
    order: 'id desc',
    fields: {
      ...AUDIT,
      name: { type: 'char' },
      res_model: { type: 'char' },
      res_id: { type: 'integer' },
      res_field: { type: 'char' },
      type: { type: 'selection', default: 'binary' },
      datas: { type: 'binary' },
      mimetype: { type: 'char' },
      file_size: {
        type: 'integer',
        readonly: true,
        compute: (r) => (r.datas ? Buffer.from(String(r.datas), 'base64').length : 0),
      },
    },
  },
  'account.move': {
    name: 'account.move',
    recName: 'name',
    order: 'date desc, name desc, id desc',
    fields: {
      ...AUDIT,
      name: { type: 'char', default: '/' },
      ref: { type: 'char' },
      state: { type: 'selection', default: 'draft', readonly: true },
      move_type: { type: 'selection', since: 14, default: 'entry' },
      type: { type: 'selection', until: 13, storedAs: 'move_type', default: 'entry' },
      partner_id: { type: 'many2one', relation: 'res.partner' },
      commercial_partner_id: { type: 'many2one', relation: 'res.partner', readonly: true },
      journal_id: { type: 'many2one', relation: 'account.journal' },
      company_id: { type: 'many2one', relation: 'res.company' },
      currency_id: { type: 'many2one', relation: 'res.currency' },
      invoice_date: { type: 'date' },
      invoice_date_due: { type: 'date' },
      date: { type: 'date' },
      invoice_payment_term_id: { type: 'many2one', relation: 'account.payment.term' },
      payment_reference: { type: 'char', since: 14 },
      invoice_payment_ref: { type: 'char', until: 13, storedAs: 'payment_reference' },
      payment_state: { type: 'selection', since: 14, readonly: true, default: 'not_paid' },
      // 13 had no 'partial': a partly paid invoice is still not_paid there.
      invoice_payment_state: {
        type: 'selection',
        until: 13,
        readonly: true,
        compute: (r) =>
          r.payment_state === 'partial'
            ? 'not_paid'
            : r.payment_state === 'paid' || r.payment_state === 'in_payment'
              ? r.payment_state
              : 'not_paid',
      },
      posted_before: { type: 'boolean', since: 14, readonly: true, default: false },
      amount_untaxed: { type: 'monetary', readonly: true, default: 0 },
      amount_tax: { type: 'monetary', readonly: true, default: 0 },
      amount_total: { type: 'monetary', readonly: true, default: 0 },
      amount_residual: { type: 'monetary', readonly: true, default: 0 },
      amount_untaxed_signed: { type: 'monetary', readonly: true, default: 0 },
      amount_tax_signed: { type: 'monetary', readonly: true, default: 0 },
      amount_total_signed: { type: 'monetary', readonly: true, default: 0 },
      company_currency_id: { type: 'many2one', relation: 'res.currency', readonly: true },
      line_ids: { type: 'one2many', relation: 'account.move.line', inverse: 'move_id' },
      invoice_line_ids: {
        type: 'one2many',
        relation: 'account.move.line',
        inverse: 'move_id',
        where: isInvoiceTabLine,
      },
      narration: { type: 'text' },
      invoice_origin: { type: 'char' },
      reversed_entry_id: { type: 'many2one', relation: 'account.move' },
      message_main_attachment_id: { type: 'many2one', relation: 'ir.attachment' },
      invoice_pdf_report_id: {
        type: 'many2one',
        relation: 'ir.attachment',
        since: 17,
        readonly: true,
      },
      invoice_pdf_report_file: { type: 'binary', since: 17, readonly: true },
      access_token: { type: 'char', readonly: true },
    },
  },
  'account.move.line': {
    name: 'account.move.line',
    recName: 'name',
    order: 'sequence, id',
    fields: {
      ...AUDIT,
      move_id: { type: 'many2one', relation: 'account.move' },
      name: { type: 'char' },
      sequence: { type: 'integer', default: 10 },
      quantity: { type: 'float', default: 1 },
      price_unit: { type: 'float', default: 0 },
      discount: { type: 'float', default: 0 },
      price_subtotal: { type: 'monetary', readonly: true, default: 0 },
      price_total: { type: 'monetary', readonly: true, default: 0 },
      tax_ids: { type: 'many2many', relation: 'account.tax' },
      account_id: { type: 'many2one', relation: 'account.account' },
      partner_id: { type: 'many2one', relation: 'res.partner' },
      currency_id: { type: 'many2one', relation: 'res.currency' },
      debit: { type: 'monetary', readonly: true, default: 0 },
      credit: { type: 'monetary', readonly: true, default: 0 },
      balance: { type: 'monetary', readonly: true, default: 0 },
      amount_residual: { type: 'monetary', readonly: true, default: 0 },
      display_type: [
        {
          type: 'selection',
          until: 15,
          compute: (r) =>
            LEGACY_DISPLAY_TYPES.includes(String(r.display_type)) ? r.display_type : false,
          inverseWrite: (value) => ({ display_type: value || 'product' }),
        },
        { type: 'selection', since: 16, default: 'product' },
      ],
      exclude_from_invoice_tab: {
        type: 'boolean',
        until: 15,
        readonly: true,
        compute: (r) => r.display_type === 'tax' || r.display_type === 'payment_term',
      },
    },
  },
  'account.payment': {
    name: 'account.payment',
    recName: 'name',
    order: 'date desc, name desc',
    fields: {
      ...AUDIT,
      name: { type: 'char', default: '/' },
      state: { type: 'selection', default: 'draft', readonly: true },
      payment_type: { type: 'selection', default: 'inbound' },
      partner_type: { type: 'selection', default: 'customer' },
      partner_id: { type: 'many2one', relation: 'res.partner' },
      amount: { type: 'monetary', default: 0 },
      currency_id: { type: 'many2one', relation: 'res.currency' },
      journal_id: { type: 'many2one', relation: 'account.journal' },
      company_id: { type: 'many2one', relation: 'res.company' },
      date: { type: 'date', since: 14 },
      payment_date: { type: 'date', until: 13, storedAs: 'date' },
      ref: { type: 'char', since: 14 },
      communication: { type: 'char', until: 13, storedAs: 'ref' },
      payment_method_id: { type: 'many2one', relation: 'account.payment.method', until: 14 },
      payment_method_line_id: {
        type: 'many2one',
        relation: 'account.payment.method.line',
        since: 15,
      },
      invoice_ids: { type: 'many2many', relation: 'account.move', until: 13 },
      reconciled_invoice_ids: {
        type: 'many2many',
        relation: 'account.move',
        since: 14,
        readonly: true,
        storedAs: 'invoice_ids',
      },
      is_reconciled: {
        type: 'boolean',
        since: 14,
        readonly: true,
        compute: (r) => Array.isArray(r.invoice_ids) && r.invoice_ids.length > 0,
      },
    },
  },
  'account.payment.register': {
    name: 'account.payment.register',
    recName: 'id',
    order: 'id',
    transient: true,
    fields: {
      ...AUDIT,
      payment_date: { type: 'date' },
      journal_id: { type: 'many2one', relation: 'account.journal' },
      amount: { type: 'monetary', since: 14 },
      communication: { type: 'char', since: 14 },
      payment_difference_handling: { type: 'selection', since: 14, default: 'open' },
      payment_method_id: { type: 'many2one', relation: 'account.payment.method', until: 14 },
      payment_method_line_id: {
        type: 'many2one',
        relation: 'account.payment.method.line',
        since: 15,
      },
      invoice_ids: { type: 'many2many', relation: 'account.move', until: 13 },
      line_ids: { type: 'many2many', relation: 'account.move.line', since: 14 },
      group_payment: { type: 'boolean', default: false },
    },
  },
};

/** The fields of a model in a given Odoo version (one variant per field). */
export function fieldsOf(model: OdooModel, version: number): Record<string, OdooField> {
  const result: Record<string, OdooField> = {};
  for (const [name, definition] of Object.entries(model.fields)) {
    const variant = (Array.isArray(definition) ? definition : [definition]).find(
      (f) => (f.since ?? 0) <= version && version <= (f.until ?? Infinity),
    );
    if (variant) result[name] = variant;
  }
  return result;
}

/** The stored columns of a model, in any version (business code works on these). */
export function storedColumns(model: OdooModel): Record<string, OdooField> {
  const result: Record<string, OdooField> = {};
  for (const [name, definition] of Object.entries(model.fields)) {
    for (const variant of Array.isArray(definition) ? definition : [definition]) {
      if (!variant.compute && !variant.storedAs && variant.type !== 'one2many' && !(name in result))
        result[name] = variant;
    }
  }
  return result;
}
