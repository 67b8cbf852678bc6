import type { OdooClient } from '../rpc/odoo-client';
import { Many2one, OdooValue, idOf, textOf } from '../rpc/odoo-domain-types';

export type MoveType =
  | 'out_invoice'
  | 'out_refund'
  | 'in_invoice'
  | 'in_refund'
  | 'out_receipt'
  | 'in_receipt'
  | 'entry';

/** An invoice, credit note or bill with its product lines, in version-free names. */
export interface OdooMove {
  id: number;
  name: string;
  moveType: MoveType;
  state: 'draft' | 'posted' | 'cancel';
  partnerId: number | null;
  commercialPartnerId: number | null;
  journalId: number | null;
  companyId: number | null;
  currency: string | null;
  /** The company's currency; amounts differ from `currency` when the invoice is in another one. */
  companyCurrency: string | null;
  invoiceDate: string | null;
  invoiceDateDue: string | null;
  ref: string | null;
  paymentReference: string | null;
  paymentState: string;
  paymentTermId: number | null;
  amountUntaxed: number;
  amountTax: number;
  amountTotal: number;
  amountResidual: number;
  /** amount_total in the company's currency (sign as Odoo keeps it: negative for credit notes and bills). */
  amountTotalSigned: number;
  mainAttachmentId: number | null;
  writeDate: string;
  /** Product lines only: sections and notes, tax and payment-term lines are left out. */
  lines: OdooInvoiceLine[];
}

export interface OdooInvoiceLine {
  id: number;
  name: string;
  quantity: number;
  priceUnit: number;
  discount: number;
  /** After discount, before tax. */
  priceSubtotal: number;
  priceTotal: number;
  taxIds: number[];
  accountId: number | null;
}

/** Reads an invoice and its product lines; null when it no longer exists. */
export async function readMove(client: OdooClient, id: number): Promise<OdooMove | null> {
  const adapter = await client.adapter();
  const fields = [
    'name',
    adapter.moveTypeField,
    'state',
    'partner_id',
    'commercial_partner_id',
    'journal_id',
    'company_id',
    'currency_id',
    'invoice_date',
    'invoice_date_due',
    'ref',
    adapter.paymentReferenceField,
    adapter.paymentStateField,
    'invoice_payment_term_id',
    'amount_untaxed',
    'amount_tax',
    'amount_total',
    'amount_residual',
    'amount_total_signed',
    'company_currency_id',
    'invoice_line_ids',
    'message_main_attachment_id',
    'write_date',
  ];
  const [row] = await client.rpc.executeKw<Record<string, unknown>[]>(
    'account.move',
    'search_read',
    [[['id', '=', id]]],
    { fields },
  );
  if (!row) return null;
  const lineRows = await client.rpc.executeKw<Record<string, unknown>[]>(
    'account.move.line',
    'read',
    [row.invoice_line_ids],
    {
      fields: [
        'name',
        'quantity',
        'price_unit',
        'discount',
        'price_subtotal',
        'price_total',
        'tax_ids',
        'account_id',
        'display_type',
        'sequence',
      ],
    },
  );
  return {
    id,
    name: String(row.name),
    moveType: row[adapter.moveTypeField] as MoveType,
    state: row.state as OdooMove['state'],
    partnerId: idOf(row.partner_id as Many2one),
    commercialPartnerId: idOf(row.commercial_partner_id as Many2one),
    journalId: idOf(row.journal_id as Many2one),
    companyId: idOf(row.company_id as Many2one),
    currency: row.currency_id ? (row.currency_id as [number, string])[1] : null,
    companyCurrency: row.company_currency_id
      ? (row.company_currency_id as [number, string])[1]
      : null,
    invoiceDate: textOf(row.invoice_date as OdooValue<string>),
    invoiceDateDue: textOf(row.invoice_date_due as OdooValue<string>),
    ref: textOf(row.ref as OdooValue<string>),
    paymentReference: textOf(row[adapter.paymentReferenceField] as OdooValue<string>),
    paymentState: String(row[adapter.paymentStateField]),
    paymentTermId: idOf(row.invoice_payment_term_id as Many2one),
    amountUntaxed: Number(row.amount_untaxed),
    amountTax: Number(row.amount_tax),
    amountTotal: Number(row.amount_total),
    amountResidual: Number(row.amount_residual),
    amountTotalSigned: Number(row.amount_total_signed),
    mainAttachmentId: idOf(row.message_main_attachment_id as Many2one),
    writeDate: String(row.write_date),
    lines: lineRows
      .filter((line) => adapter.isProductLine(line.display_type as string | false))
      .map((line) => ({
        id: Number(line.id),
        name: String(line.name || ''),
        quantity: Number(line.quantity),
        priceUnit: Number(line.price_unit),
        discount: Number(line.discount),
        priceSubtotal: Number(line.price_subtotal),
        priceTotal: Number(line.price_total),
        taxIds: (line.tax_ids as number[]) ?? [],
        accountId: idOf(line.account_id as Many2one),
      })),
  };
}
