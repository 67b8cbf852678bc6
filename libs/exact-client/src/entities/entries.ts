import type { ExactClient } from '../http/exact-client';
import { EntitySetApi } from './entity-set-api';

export interface ExactEntryLineWrite {
  GLAccount: string;
  AmountFC: number;
  Description?: string;
  Quantity?: number;
  VATCode?: string;
  /** Forces the VAT amount instead of letting Exact compute it from the code (so totals match to the cent). */
  VATAmountFC?: number;
}

export interface ExactEntryLine extends Required<
  Pick<ExactEntryLineWrite, 'GLAccount' | 'AmountFC'>
> {
  ID: string;
  EntryID: string;
  LineNumber: number;
  Description: string | null;
  Quantity: number | null;
  VATCode: string | null;
  VATAmountFC: number;
}

interface EntryHeader {
  EntryID: string;
  EntryNumber: number;
  Journal: string;
  EntryDate: Date;
  DueDate: Date | null;
  YourRef: string | null;
  Description: string | null;
  PaymentReference: string | null;
  PaymentCondition: string | null;
  Currency: string;
  Rate: number;
  Type: number;
  Status: number;
  AmountFC: number;
  AmountDC: number;
  VATAmountFC: number;
  Document: string | null;
}

export interface ExactSalesEntry extends EntryHeader {
  Customer: string;
  SalesEntryLines?: { results: ExactEntryLine[] };
}

export interface ExactPurchaseEntry extends EntryHeader {
  Supplier: string;
  PurchaseEntryLines?: { results: ExactEntryLine[] };
}

interface EntryHeaderWrite {
  /** The journal's code, not its ID. */
  Journal: string;
  /** Zone-less ISO date ('2026-11-28T00:00:00'): a 'Z' can move the entry to the previous day. */
  EntryDate?: string;
  DueDate?: string;
  YourRef?: string;
  Description?: string;
  PaymentReference?: string;
  PaymentCondition?: string;
  Currency?: string;
  Rate?: number;
  Type?: number;
  Document?: string;
}

export interface ExactSalesEntryWrite extends EntryHeaderWrite {
  Customer: string;
  SalesEntryLines: ExactEntryLineWrite[];
}

export interface ExactPurchaseEntryWrite extends EntryHeaderWrite {
  Supplier: string;
  PurchaseEntryLines: ExactEntryLineWrite[];
}

const HEADER_FIELDS = [
  'EntryID',
  'EntryNumber',
  'Journal',
  'EntryDate',
  'DueDate',
  'YourRef',
  'Description',
  'PaymentReference',
  'PaymentCondition',
  'Currency',
  'Rate',
  'Type',
  'Status',
  'AmountFC',
  'AmountDC',
  'VATAmountFC',
  'Document',
];
const LINE_FIELDS = [
  'ID',
  'EntryID',
  'LineNumber',
  'GLAccount',
  'AmountFC',
  'Description',
  'Quantity',
  'VATCode',
  'VATAmountFC',
];

/** salesentry/SalesEntries: Type 20 entry, 21 credit note. Lines are posted with the header. */
export const salesEntries = new EntitySetApi<ExactSalesEntry, ExactSalesEntryWrite>(
  'salesentry/SalesEntries',
  [...HEADER_FIELDS, 'Customer'],
  'guid',
);
export const salesEntryLines = new EntitySetApi<
  ExactEntryLine,
  ExactEntryLineWrite & { EntryID: string }
>('salesentry/SalesEntryLines', LINE_FIELDS);
/** purchaseentry/PurchaseEntries: Type 30 entry, 31 credit note. */
export const purchaseEntries = new EntitySetApi<ExactPurchaseEntry, ExactPurchaseEntryWrite>(
  'purchaseentry/PurchaseEntries',
  [...HEADER_FIELDS, 'Supplier'],
  'guid',
);
export const purchaseEntryLines = new EntitySetApi<
  ExactEntryLine,
  ExactEntryLineWrite & { EntryID: string }
>('purchaseentry/PurchaseEntryLines', LINE_FIELDS);

/**
 * Replaces an entry's lines the only safe way: add the new lines first, then delete the old ones —
 * deleting the last line of an entry deletes the entry.
 */
export async function replaceEntryLines(
  client: ExactClient,
  lines: typeof salesEntryLines | typeof purchaseEntryLines,
  entryId: string,
  oldLineIds: string[],
  newLines: ExactEntryLineWrite[],
): Promise<void> {
  for (const line of newLines) await lines.create(client, { ...line, EntryID: entryId });
  for (const id of oldLineIds) await lines.remove(client, id);
}
