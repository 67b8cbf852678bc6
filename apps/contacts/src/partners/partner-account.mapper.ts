import type { ExactAccountWrite } from '@app/exact-client';
import type { OdooPartner } from '@app/odoo-client';
import { createHash } from 'node:crypto';

/** The Exact Online account an Odoo partner should be. */
export function partnerToAccount(partner: OdooPartner): ExactAccountWrite {
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
    // A filled Status makes the account a customer in Exact; '' leaves it "none".
    Status: partner.customerRank > 0 ? 'C' : '',
    IsSupplier: partner.supplierRank > 0,
    Blocked: !partner.active,
  };
}

/** Odoo keeps VAT numbers as typed ("BE 0477.472.701"); Exact matches on the compact form. */
export function normaliseVat(vat: string | null): string | null {
  if (!vat) return null;
  const compact = vat.replace(/[\s.\-/]/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

/** Fingerprint of what would be sent; equal fingerprints mean nothing changed since the last send. */
export function accountFingerprint(account: ExactAccountWrite): string {
  const canonical = JSON.stringify(
    Object.keys(account)
      .sort()
      .map((key) => [key, account[key as keyof ExactAccountWrite] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** Only commercial entities become accounts; a person inside a company is a contact of it. */
export function isCommercialPartner(partner: OdooPartner): boolean {
  return partner.parentId === null;
}
