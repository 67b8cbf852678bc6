import type {
  ExactEntryLineWrite,
  ExactPurchaseEntryWrite,
  ExactSalesEntryWrite,
} from '@app/exact-client';
import type { MoveType, OdooMove } from '@app/odoo-client';

/** Which Exact entry an Odoo move becomes. */
export interface EntryKind {
  set: 'sales' | 'purchase';
  /** 20 sales entry, 21 sales credit note, 30 purchase entry, 31 purchase credit note. */
  type: 20 | 21 | 30 | 31;
  creditNote: boolean;
}

const ENTRY_KINDS: Partial<Record<MoveType, EntryKind>> = {
  out_invoice: { set: 'sales', type: 20, creditNote: false },
  out_refund: { set: 'sales', type: 21, creditNote: true },
  in_invoice: { set: 'purchase', type: 30, creditNote: false },
  in_refund: { set: 'purchase', type: 31, creditNote: true },
};

/** Invoices, credit notes, bills and refunds; null for anything else (receipts, journal entries). */
export function entryKindOf(moveType: MoveType): EntryKind | null {
  return ENTRY_KINDS[moveType] ?? null;
}

/** What the mappings and the other side say about a move. */
export interface EntryContext {
  journalCode: string;
  /** The Exact account (customer or supplier) of the move's commercial partner. */
  partyAccountId: string;
  /** Odoo account id → Exact G/L account GUID. */
  glAccounts: ReadonlyMap<number, string>;
  /** Odoo tax id → Exact VAT code. */
  vatCodes: ReadonlyMap<number, string>;
  /** The Exact payment condition of the move's payment term, when it is mapped. */
  paymentCondition: string | null;
  /** Credit notes with negative amounts (Exact's own credit invoices) or positive. */
  creditNoteSign: 'negative' | 'positive';
  vatCodeWithoutTax: string;
}

export type EntryWrite = ExactSalesEntryWrite | ExactPurchaseEntryWrite;

/** The entry, or the Odoo records whose mapping is missing (each named once). */
export type EntryMapping =
  | { ok: true; entry: EntryWrite; expected: { amountFC: number; vatAmountFC: number } }
  | { ok: false; problems: string[] };

/**
 * The Exact sales or purchase entry of a posted Odoo move. Lines come from the product lines:
 * AmountFC is the subtotal after discount, VATAmountFC Odoo's own tax amount for the line (any
 * cent Odoo's rounding of the total puts elsewhere goes to the largest line), so Exact's totals
 * equal Odoo's to the cent.
 */
export function moveToEntry(move: OdooMove, kind: EntryKind, context: EntryContext): EntryMapping {
  const problems = new Set<string>();
  const sign = kind.creditNote && context.creditNoteSign === 'negative' ? -1 : 1;
  const lines: ExactEntryLineWrite[] = [];
  for (const line of move.lines) {
    const glAccount = line.accountId === null ? undefined : context.glAccounts.get(line.accountId);
    if (!glAccount)
      problems.add(
        line.accountId === null
          ? `line '${line.name}' has no account`
          : `account.account ${line.accountId} (line '${line.name}') has no Exact G/L account mapped`,
      );
    if (line.taxIds.length > 1)
      problems.add(
        `line '${line.name}' has ${line.taxIds.length} taxes (account.tax ${line.taxIds.join(', ')}); an Exact line takes one VAT code`,
      );
    const vatCode =
      line.taxIds.length === 0 ? context.vatCodeWithoutTax : context.vatCodes.get(line.taxIds[0]);
    if (line.taxIds.length === 1 && !vatCode)
      problems.add(
        `account.tax ${line.taxIds[0]} (line '${line.name}') has no Exact VAT code mapped`,
      );
    lines.push({
      GLAccount: glAccount ?? '',
      AmountFC: round2(sign * line.priceSubtotal),
      VATAmountFC: round2(sign * (line.priceTotal - line.priceSubtotal)),
      VATCode: vatCode ?? '',
      Description: line.name.split('\n')[0],
      Quantity: line.quantity,
    });
  }
  if (lines.length === 0) problems.add(`${move.name} has no product lines`);
  if (problems.size > 0) return { ok: false, problems: [...problems] };

  const expectedVat = round2(sign * move.amountTax);
  settleRoundingCent(lines, expectedVat);
  const header = {
    Journal: context.journalCode,
    EntryDate: `${move.invoiceDate}T00:00:00`,
    ...(move.invoiceDateDue ? { DueDate: `${move.invoiceDateDue}T00:00:00` } : {}),
    YourRef: kind.set === 'sales' ? move.name : (move.ref ?? move.name),
    Description: kind.set === 'sales' ? (move.ref ?? move.name) : move.name,
    ...(move.paymentReference ? { PaymentReference: move.paymentReference } : {}),
    ...(move.currency ? { Currency: move.currency } : {}),
    ...(move.currency && move.companyCurrency && move.currency !== move.companyCurrency
      ? { Rate: rateOf(move) }
      : {}),
    ...(context.paymentCondition ? { PaymentCondition: context.paymentCondition } : {}),
    Type: kind.type,
  };
  const entry: EntryWrite =
    kind.set === 'sales'
      ? { ...header, Customer: context.partyAccountId, SalesEntryLines: lines }
      : { ...header, Supplier: context.partyAccountId, PurchaseEntryLines: lines };
  return {
    ok: true,
    entry,
    expected: { amountFC: round2(sign * move.amountTotal), vatAmountFC: expectedVat },
  };
}

/** Odoo rounds the tax of the whole invoice; a line-by-line sum can be a cent off. The largest line takes the difference. */
function settleRoundingCent(lines: ExactEntryLineWrite[], expectedVat: number): void {
  const difference = round2(expectedVat - lines.reduce((sum, l) => sum + (l.VATAmountFC ?? 0), 0));
  if (difference === 0 || Math.abs(difference) > 0.05) return;
  const largest = lines.reduce((a, b) => (Math.abs(b.AmountFC) > Math.abs(a.AmountFC) ? b : a));
  largest.VATAmountFC = round2((largest.VATAmountFC ?? 0) + difference);
}

/** Exact's Rate turns the entry's currency into the division's: amount in company currency / amount. */
function rateOf(move: OdooMove): number {
  if (move.amountTotal === 0) return 1;
  return Math.round((Math.abs(move.amountTotalSigned) / move.amountTotal) * 1_000_000) / 1_000_000;
}

/** An entry's totals as Exact booked them. */
export interface BookedTotals {
  AmountFC: number;
  VATAmountFC: number;
}

/** Exact's totals against Odoo's, to the cent: a warning with both amounts for each difference. */
export function totalsWarnings(
  booked: BookedTotals,
  expected: { amountFC: number; vatAmountFC: number },
): string[] {
  const warnings: string[] = [];
  if (round2(Number(booked.AmountFC)) !== expected.amountFC)
    warnings.push(`total differs: Exact ${booked.AmountFC}, Odoo ${expected.amountFC}`);
  if (round2(Number(booked.VATAmountFC)) !== expected.vatAmountFC)
    warnings.push(`VAT differs: Exact ${booked.VATAmountFC}, Odoo ${expected.vatAmountFC}`);
  return warnings;
}

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
