import type { ExactClient } from '../http/exact-client';
import { odata } from '../odata/odata';
import { EntitySetApi } from './entity-set-api';

/** Payment term line types: 20 receivable (sales), 22 payable (purchases). */
export const EXACT_LINE_TYPES = { receivable: 20, payable: 22 } as const;
/** Payment term status: 20 open, 30 selected, 40 processed, 50 matched. */
export const EXACT_TERM_STATUS = { open: 20, selected: 30, processed: 40, matched: 50 } as const;

export interface ExactPaymentTerm {
  ID: string;
  Timestamp: number;
  LineType: number;
  Status: number;
  IsFullyPaid: boolean;
  Account: string | null;
  AmountDC: number;
  AmountFC: number;
  Currency: string | null;
  TransactionEntryID: string;
  TransactionAmountDC: number;
  TransactionAmountFC: number;
  InvoiceNumber: number | null;
  YourRef: string | null;
  LastPaymentDate: Date | null;
  DueDate: Date | null;
}

export interface ExactReceivable {
  ID: string;
  Account: string;
  AmountDC: number;
  AmountFC: number;
  EntryID: string;
  TransactionEntryID: string;
  IsFullyPaid: boolean;
  Status: number;
  LastPaymentDate: Date | null;
  InvoiceNumber: number | null;
  YourRef: string | null;
}

const TERM_FIELDS = [
  'ID',
  'Timestamp',
  'LineType',
  'Status',
  'IsFullyPaid',
  'Account',
  'AmountDC',
  'AmountFC',
  'Currency',
  'TransactionEntryID',
  'TransactionAmountDC',
  'TransactionAmountFC',
  'InvoiceNumber',
  'YourRef',
  'LastPaymentDate',
  'DueDate',
];

export const receivables = new EntitySetApi<ExactReceivable>('cashflow/Receivables', [
  'ID',
  'Account',
  'AmountDC',
  'AmountFC',
  'EntryID',
  'TransactionEntryID',
  'IsFullyPaid',
  'Status',
  'LastPaymentDate',
  'InvoiceNumber',
  'YourRef',
]);

/** sync/Cashflow/PaymentTerms: receivables and payables changed since a Timestamp, 1,000 per page. */
export const syncPaymentTerms = new EntitySetApi<ExactPaymentTerm>(
  'sync/Cashflow/PaymentTerms',
  TERM_FIELDS,
);

/**
 * Reads a sync endpoint from a stored Timestamp: `Timestamp gt {since}L`, pages followed one after
 * the other; answers the records and the highest Timestamp seen (store it for the next read).
 * The first read of a division starts at 1.
 */
export async function readSince<T extends { Timestamp: number }>(
  client: ExactClient,
  set: EntitySetApi<T>,
  since: number | bigint = 1,
  onPage?: (records: T[]) => Promise<void>,
): Promise<{ records: T[]; lastTimestamp: number | bigint }> {
  const records: T[] = [];
  let last = since;
  for await (const page of set.pages(client, `Timestamp gt ${odata.int64(since)}`)) {
    if (onPage) await onPage(page);
    else records.push(...page);
    for (const record of page) if (BigInt(record.Timestamp) > BigInt(last)) last = record.Timestamp;
  }
  return { records, lastTimestamp: last };
}
