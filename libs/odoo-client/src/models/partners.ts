import type { Many2one, OdooValue } from '../rpc/odoo-domain-types';
import type { OdooRpc } from '../rpc/odoo-rpc';

/** The res.partner fields the contacts sync reads, with the country resolved to its ISO code. */
export interface OdooPartner {
  id: number;
  name: string;
  isCompany: boolean;
  parentId: number | null;
  email: string | null;
  phone: string | null;
  vat: string | null;
  ref: string | null;
  street: string | null;
  street2: string | null;
  zip: string | null;
  city: string | null;
  countryCode: string | null;
  active: boolean;
  customerRank: number;
  supplierRank: number;
  companyId: number | null;
  writeDate: string;
}

const PARTNER_FIELDS = [
  'name',
  'is_company',
  'parent_id',
  'email',
  'phone',
  'vat',
  'ref',
  'street',
  'street2',
  'zip',
  'city',
  'country_id',
  'active',
  'customer_rank',
  'supplier_rank',
  'company_id',
  'write_date',
];

interface PartnerRow {
  id: number;
  name: OdooValue<string>;
  is_company: boolean;
  parent_id: Many2one;
  email: OdooValue<string>;
  phone: OdooValue<string>;
  vat: OdooValue<string>;
  ref: OdooValue<string>;
  street: OdooValue<string>;
  street2: OdooValue<string>;
  zip: OdooValue<string>;
  city: OdooValue<string>;
  country_id: Many2one;
  active: boolean;
  customer_rank: number;
  supplier_rank: number;
  company_id: Many2one;
  write_date: string;
}

/** Reads one partner, archived or not; null when it no longer exists. */
export async function readPartner(rpc: OdooRpc, id: number): Promise<OdooPartner | null> {
  const rows = await rpc.executeKw<PartnerRow[]>(
    'res.partner',
    'search_read',
    [[['id', '=', id]]],
    {
      fields: PARTNER_FIELDS,
      context: { active_test: false },
    },
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  const countryCode = row.country_id ? await readCountryCode(rpc, row.country_id[0]) : null;
  return {
    id: row.id,
    name: row.name || '',
    isCompany: row.is_company,
    parentId: row.parent_id ? row.parent_id[0] : null,
    email: row.email || null,
    phone: row.phone || null,
    vat: row.vat || null,
    ref: row.ref || null,
    street: row.street || null,
    street2: row.street2 || null,
    zip: row.zip || null,
    city: row.city || null,
    countryCode,
    active: row.active,
    customerRank: row.customer_rank,
    supplierRank: row.supplier_rank,
    companyId: row.company_id ? row.company_id[0] : null,
    writeDate: row.write_date,
  };
}

/** ISO codes of countries never change: one read per country and connection. */
const countryCodes = new WeakMap<OdooRpc, Map<number, Promise<string | null>>>();

function readCountryCode(rpc: OdooRpc, countryId: number): Promise<string | null> {
  let codes = countryCodes.get(rpc);
  if (!codes) countryCodes.set(rpc, (codes = new Map()));
  let code = codes.get(countryId);
  if (!code) {
    const cache = codes;
    code = rpc
      .executeKw<{ code: OdooValue<string> }[]>('res.country', 'read', [[countryId]], {
        fields: ['code'],
      })
      .then((rows) => rows[0]?.code || null);
    code.catch(() => cache.delete(countryId));
    cache.set(countryId, code);
  }
  return code;
}
