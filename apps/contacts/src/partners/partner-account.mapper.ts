import type { ExactAccountWrite } from '@app/exact-client';
import type { OdooPartner } from '@app/odoo-client';
import type { PartnerRank } from '@app/sync-queue';
import { createHash } from 'node:crypto';

/** Exact payment condition codes for a partner's Odoo payment terms (null: no mapping). */
export interface PaymentConditionCodes {
  sales: string | null;
  purchase: string | null;
}

export const NO_PAYMENT_CONDITIONS: PaymentConditionCodes = { sales: null, purchase: null };

/**
 * The Exact Online account an Odoo partner should be. Fields Odoo cannot tell (a payment term
 * without a mapping, the registry before Odoo 16, no language) are left out rather than sent
 * empty, so they never wipe what an accountant set in Exact.
 */
export function partnerToAccount(
  partner: OdooPartner,
  conditions: PaymentConditionCodes = NO_PAYMENT_CONDITIONS,
): ExactAccountWrite {
  const language = exactLanguage(partner.lang);
  return {
    Name: partner.name.trim(),
    AddressLine1: partner.street,
    AddressLine2: partner.street2,
    Postcode: partner.zip,
    City: partner.city,
    Country: partner.countryCode,
    Email: partner.email,
    Phone: partner.phone,
    VATNumber: normaliseVat(partner.vat),
    ...(partner.companyRegistry ? { ChamberOfCommerce: partner.companyRegistry } : {}),
    // A filled Status makes the account a customer in Exact; '' leaves it "none".
    Status: partner.customerRank > 0 ? 'C' : '',
    IsSupplier: partner.supplierRank > 0,
    ...(language ? { Language: language } : {}),
    ...(conditions.sales ? { PaymentConditionSales: conditions.sales } : {}),
    ...(conditions.purchase ? { PaymentConditionPurchase: conditions.purchase } : {}),
    Blocked: !partner.active,
  };
}

/** Odoo keeps VAT numbers as typed ("BE 0477.472.701"); Exact matches on the compact form. */
export function normaliseVat(vat: string | null): string | null {
  if (!vat) return null;
  const compact = vat.replace(/[\s.\-/]/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

/** Odoo's 'nl_BE' → Exact's 'NL' (Exact keys languages by a two-letter code). */
export function exactLanguage(lang: string | null): string | null {
  const match = lang ? /^([a-z]{2})(?:_|$)/i.exec(lang) : null;
  return match ? match[1].toUpperCase() : null;
}

/**
 * The account code an Odoo `ref` asks for: Exact account codes are numeric strings of at most 18
 * characters (reference §4.1); any other ref leaves the code to Exact.
 */
export function accountCodeFromRef(ref: string | null): string | null {
  const code = ref?.trim() ?? '';
  return /^\d{1,18}$/.test(code) ? code : null;
}

/** Fingerprint of what would be sent; equal fingerprints mean nothing changed since the last send. */
export function accountFingerprint(account: object): string {
  const canonical = JSON.stringify(
    Object.keys(account)
      .sort()
      .map((key) => [key, (account as Record<string, unknown>)[key] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** Whether the connection syncs this partner: a customer or supplier, as the settings count them. */
export function isPartnerInScope(partner: OdooPartner, ranks: readonly PartnerRank[]): boolean {
  return (
    (ranks.includes('customer') && partner.customerRank > 0) ||
    (ranks.includes('supplier') && partner.supplierRank > 0)
  );
}
