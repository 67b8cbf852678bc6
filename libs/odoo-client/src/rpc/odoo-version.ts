import type { Domain } from './odoo-domain-types';

export const SUPPORTED_ODOO_VERSIONS = [13, 14, 15, 16, 17] as const;

/** Odoo's major version from `server_serie` ('17.0', 'saas~17.2', '14.0+e' → 17, 17, 14). */
export function majorVersion(serverSerie: string): number {
  const match = /(\d+)\.\d+/.exec(serverSerie);
  if (!match) throw new Error(`cannot read an Odoo version from '${serverSerie}'`);
  return Number(match[1]);
}

/**
 * Every field name and method that differs between the Odoo versions the connector supports
 * (reference: odoo-external-api.md §3–§6, §10). One place decides, so the readers and writers stay
 * version-free.
 */
export class OdooVersionAdapter {
  constructor(readonly major: number) {
    if (major < 13) throw new Error(`Odoo ${major} is not supported (13 to 17 are)`);
  }

  /** account.move document type: `type` in 13, `move_type` from 14. */
  get moveTypeField(): 'type' | 'move_type' {
    return this.major === 13 ? 'type' : 'move_type';
  }

  /** The structured communication / payment reference of an invoice. */
  get paymentReferenceField(): 'invoice_payment_ref' | 'payment_reference' {
    return this.major === 13 ? 'invoice_payment_ref' : 'payment_reference';
  }

  /** not_paid / in_payment / paid (and from 14 partial, reversed, invoicing_legacy). */
  get paymentStateField(): 'invoice_payment_state' | 'payment_state' {
    return this.major === 13 ? 'invoice_payment_state' : 'payment_state';
  }

  /** Whether an invoice_line_ids line is a product line (not a section or a note): `display_type` empty up to 15, 'product' from 16. */
  isProductLine(displayType: string | false | null): boolean {
    return this.major <= 15 ? !displayType : displayType === 'product';
  }

  /** account.payment / the wizard: `payment_method_id` up to 14, `payment_method_line_id` from 15. */
  get paymentMethodField(): 'payment_method_id' | 'payment_method_line_id' {
    return this.major <= 14 ? 'payment_method_id' : 'payment_method_line_id';
  }

  /** Where a payment keeps its memo: `communication` (13), `ref` (14–17), `memo` (18). */
  get paymentMemoField(): 'communication' | 'ref' | 'memo' {
    return this.major === 13 ? 'communication' : this.major <= 17 ? 'ref' : 'memo';
  }

  get paymentDateField(): 'payment_date' | 'date' {
    return this.major === 13 ? 'payment_date' : 'date';
  }

  /** The payment wizard's method: `create_payments` (13, always the full amount) or `action_create_payments`. */
  get wizardMethod(): 'create_payments' | 'action_create_payments' {
    return this.major === 13 ? 'create_payments' : 'action_create_payments';
  }

  /** Whether the wizard takes an amount (13 pays the whole open amount). */
  get wizardTakesAmount(): boolean {
    return this.major >= 14;
  }

  /** account.account belongs to one company (`company_id`, up to 17) or several (`company_ids`, 18). */
  accountCompanyDomain(companyId: number): Domain {
    return this.major <= 17
      ? [['company_id', '=', companyId]]
      : [['company_ids', 'in', [companyId]]];
  }

  /** account.account's type: `user_type_id` + `internal_type` up to 15, `account_type` from 16. */
  get accountTypeFields(): string[] {
    return this.major <= 15
      ? ['user_type_id', 'internal_type', 'internal_group']
      : ['account_type'];
  }

  /** res.partner's company registry (chamber of commerce number): a partner field from 16 (not in the reference: UNCONFIRMED). */
  get partnerRegistryField(): 'company_registry' | null {
    return this.major >= 16 ? 'company_registry' : null;
  }

  /** 17+ keeps the printed invoice in `invoice_pdf_report_file`; earlier, printing stores an attachment. */
  get hasInvoicePdfField(): boolean {
    return this.major >= 17;
  }
}
