import type { ExactAccount } from '@app/exact-client';
import type { OdooPartner, OdooPartnerValues } from '@app/odoo-client';
import { normaliseVat } from '../partners/partner-account.mapper';

/** How an Exact account's values land in Odoo: country ids by ISO code, the registry field of the version. */
export interface PartnerValueContext {
  countryIds: Map<string, number>;
  registryField: string | null;
}

/**
 * The res.partner values an Exact account asks for (Exact is master): all of them for a new
 * partner, only those that differ for an existing one (empty: nothing to write). Ranks are only
 * raised — a customer in Exact becomes a customer in Odoo, nobody stops being one — and `ref` takes
 * the account code only when the partner has none.
 */
export function accountToPartnerValues(
  account: ExactAccount,
  current: OdooPartner | null,
  context: PartnerValueContext,
): OdooPartnerValues {
  const country = account.Country?.trim().toUpperCase() || null;
  const code = account.Code?.trim() || null;
  const wanted: [field: string, value: string | number | false, same: boolean][] = [
    ['name', account.Name.trim(), same(current?.name, account.Name.trim())],
    ['street', account.AddressLine1 || false, same(current?.street, account.AddressLine1)],
    ['street2', account.AddressLine2 || false, same(current?.street2, account.AddressLine2)],
    ['zip', account.Postcode || false, same(current?.zip, account.Postcode)],
    ['city', account.City || false, same(current?.city, account.City)],
    [
      'country_id',
      (country && context.countryIds.get(country)) || false,
      same(current?.countryCode, country),
    ],
    ['email', account.Email || false, same(current?.email, account.Email)],
    ['phone', account.Phone || false, same(current?.phone, account.Phone)],
    [
      'vat',
      account.VATNumber || false,
      same(normaliseVat(current?.vat ?? null), normaliseVat(account.VATNumber)),
    ],
  ];
  if (context.registryField)
    wanted.push([
      context.registryField,
      account.ChamberOfCommerce || false,
      same(current?.companyRegistry, account.ChamberOfCommerce),
    ]);
  if (!current) {
    return {
      ...Object.fromEntries(wanted.map(([field, value]) => [field, value])),
      is_company: true,
      ref: code ?? false,
      customer_rank: account.Status === 'C' ? 1 : 0,
      supplier_rank: account.IsSupplier ? 1 : 0,
    };
  }
  const changes: OdooPartnerValues = Object.fromEntries(
    wanted.filter(([, , unchanged]) => !unchanged).map(([field, value]) => [field, value]),
  );
  if (code && !current.ref) changes.ref = code;
  if (account.Status === 'C' && current.customerRank === 0) changes.customer_rank = 1;
  if (account.IsSupplier && current.supplierRank === 0) changes.supplier_rank = 1;
  return changes;
}

/** Empty, null and missing are the same; otherwise compare trimmed text. */
function same(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a?.trim() || null) === (b?.trim() || null);
}
