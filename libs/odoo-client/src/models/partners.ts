import type { OdooClient } from '../rpc/odoo-client';
import type { Domain, Many2one, OdooValue } from '../rpc/odoo-domain-types';
import type { OdooRpc } from '../rpc/odoo-rpc';

/** The res.partner fields the contacts sync reads, with the country resolved to its ISO code. */
export interface OdooPartner {
  id: number;
  name: string;
  isCompany: boolean;
  parentId: number | null;
  /** The commercial entity (the company of a contact person, or the partner itself). */
  commercialPartnerId: number;
  /** contact, invoice, delivery, other (and private up to 16). */
  type: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  /** Job position of a contact person. */
  jobTitle: string | null;
  vat: string | null;
  ref: string | null;
  /** Chamber of commerce number (16+; null before). */
  companyRegistry: string | null;
  street: string | null;
  street2: string | null;
  zip: string | null;
  city: string | null;
  countryCode: string | null;
  /** Odoo language code, e.g. 'nl_BE'. */
  lang: string | null;
  active: boolean;
  customerRank: number;
  supplierRank: number;
  companyId: number | null;
  paymentTermId: number | null;
  supplierPaymentTermId: number | null;
  writeDate: string;
}

const PARTNER_FIELDS = [
  'name',
  'is_company',
  'parent_id',
  'commercial_partner_id',
  'type',
  'email',
  'phone',
  'mobile',
  'function',
  'vat',
  'ref',
  'street',
  'street2',
  'zip',
  'city',
  'country_id',
  'lang',
  'active',
  'customer_rank',
  'supplier_rank',
  'company_id',
  'property_payment_term_id',
  'property_supplier_payment_term_id',
  'write_date',
];

interface PartnerRow {
  id: number;
  name: OdooValue<string>;
  is_company: boolean;
  parent_id: Many2one;
  commercial_partner_id: Many2one;
  type: OdooValue<string>;
  email: OdooValue<string>;
  phone: OdooValue<string>;
  mobile: OdooValue<string>;
  function: OdooValue<string>;
  vat: OdooValue<string>;
  ref: OdooValue<string>;
  company_registry?: OdooValue<string>;
  street: OdooValue<string>;
  street2: OdooValue<string>;
  zip: OdooValue<string>;
  city: OdooValue<string>;
  country_id: Many2one;
  lang: OdooValue<string>;
  active: boolean;
  customer_rank: number;
  supplier_rank: number;
  company_id: Many2one;
  property_payment_term_id: Many2one;
  property_supplier_payment_term_id: Many2one;
  write_date: string;
}

export interface ReadPartnersOptions {
  /** Archived partners too (default true: a sync must see that a partner was archived). */
  includeArchived?: boolean;
  limit?: number;
  offset?: number;
  order?: string;
}

/** Partners matching `domain`, with their countries' ISO codes (one extra read for all of them). */
export async function readPartners(
  client: OdooClient,
  domain: Domain,
  options: ReadPartnersOptions = {},
): Promise<OdooPartner[]> {
  const adapter = await client.adapter();
  const fields = adapter.partnerRegistryField
    ? [...PARTNER_FIELDS, adapter.partnerRegistryField]
    : PARTNER_FIELDS;
  const rows = await client.rpc.executeKw<PartnerRow[]>('res.partner', 'search_read', [domain], {
    fields,
    context: { active_test: !(options.includeArchived ?? true) },
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.offset !== undefined ? { offset: options.offset } : {}),
    order: options.order ?? 'id',
  });
  const codes = await countryCodes(
    client.rpc,
    rows.flatMap((row) => (row.country_id ? [row.country_id[0]] : [])),
  );
  return rows.map((row) => toPartner(row, codes));
}

/** Reads one partner, archived or not; null when it no longer exists. */
export async function readPartner(client: OdooClient, id: number): Promise<OdooPartner | null> {
  const [partner] = await readPartners(client, [['id', '=', id]]);
  return partner ?? null;
}

/** The res.partner values the connector writes (Odoo field names). */
export type OdooPartnerValues = Record<string, string | number | boolean | false | null>;

export function createPartner(client: OdooClient, values: OdooPartnerValues): Promise<number> {
  return client.rpc.executeKw<number>('res.partner', 'create', [values]);
}

export async function writePartner(
  client: OdooClient,
  id: number,
  values: OdooPartnerValues,
): Promise<void> {
  await client.rpc.executeKw('res.partner', 'write', [[id], values]);
}

/** res.country ids by ISO code (one read for all countries; cached per connection). */
export async function countryIdsByCode(rpc: OdooRpc): Promise<Map<string, number>> {
  let ids = countryIdCache.get(rpc);
  if (!ids) {
    ids = rpc
      .executeKw<{ id: number; code: OdooValue<string> }[]>('res.country', 'search_read', [[]], {
        fields: ['code'],
      })
      .then((rows) => new Map(rows.flatMap((r) => (r.code ? [[r.code.toUpperCase(), r.id]] : []))));
    const cache = countryIdCache;
    ids.catch(() => cache.delete(rpc));
    countryIdCache.set(rpc, ids);
  }
  return ids;
}

function toPartner(row: PartnerRow, countryCodeById: Map<number, string | null>): OdooPartner {
  return {
    id: row.id,
    name: row.name || '',
    isCompany: row.is_company,
    parentId: row.parent_id ? row.parent_id[0] : null,
    commercialPartnerId: row.commercial_partner_id ? row.commercial_partner_id[0] : row.id,
    type: row.type || 'contact',
    email: row.email || null,
    phone: row.phone || null,
    mobile: row.mobile || null,
    jobTitle: row.function || null,
    vat: row.vat || null,
    ref: row.ref || null,
    companyRegistry: row.company_registry || null,
    street: row.street || null,
    street2: row.street2 || null,
    zip: row.zip || null,
    city: row.city || null,
    countryCode: row.country_id ? (countryCodeById.get(row.country_id[0]) ?? null) : null,
    lang: row.lang || null,
    active: row.active,
    customerRank: row.customer_rank,
    supplierRank: row.supplier_rank,
    companyId: row.company_id ? row.company_id[0] : null,
    paymentTermId: row.property_payment_term_id ? row.property_payment_term_id[0] : null,
    supplierPaymentTermId: row.property_supplier_payment_term_id
      ? row.property_supplier_payment_term_id[0]
      : null,
    writeDate: row.write_date,
  };
}

/** ISO codes of countries never change: read once per country and connection. */
const countryCodeCache = new WeakMap<OdooRpc, Map<number, string | null>>();
const countryIdCache = new WeakMap<OdooRpc, Promise<Map<string, number>>>();

async function countryCodes(
  rpc: OdooRpc,
  countryIds: number[],
): Promise<Map<number, string | null>> {
  let known = countryCodeCache.get(rpc);
  if (!known) countryCodeCache.set(rpc, (known = new Map()));
  const missing = [...new Set(countryIds)].filter((id) => !known.has(id));
  if (missing.length > 0) {
    const rows = await rpc.executeKw<{ id: number; code: OdooValue<string> }[]>(
      'res.country',
      'read',
      [missing],
      { fields: ['code'] },
    );
    for (const row of rows) known.set(row.id, row.code || null);
  }
  return known;
}
