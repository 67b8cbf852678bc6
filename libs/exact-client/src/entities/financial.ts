import { EntitySetApi } from './entity-set-api';

/** financial/Journals.Type values the connector cares about. */
export const EXACT_JOURNAL_TYPES = {
  cash: 10,
  bank: 12,
  paymentService: 16,
  sales: 20,
  returnInvoice: 21,
  purchase: 22,
  receivedReturnInvoice: 23,
  general: 90,
} as const;

export interface ExactJournal {
  ID: string;
  /** What entries reference in `Journal`. */
  Code: string;
  Description: string;
  Type: number;
  Currency: string | null;
  IsBlocked: boolean;
}

export interface ExactGLAccount {
  ID: string;
  Code: string;
  Description: string;
  /** 10 cash, 12 bank, 20 receivable, 22 payable, 24 VAT, 110 revenue, 111 cost of goods, 120 other costs, … */
  Type: number;
  BalanceType: string | null;
  VATCode: string | null;
  IsBlocked: boolean;
}

export interface ExactVATCode {
  ID: string;
  /** Division-specific, may come padded ('2  '): compare trimmed. */
  Code: string;
  Description: string;
  /** A fraction (0.21) in the simulator; compare with {@link vatPercentage}. */
  Percentage: number;
  /** B both, P purchase, S sales. */
  VATTransactionType: string | null;
  Type: string | null;
  IsBlocked: boolean;
}

export interface ExactPaymentCondition {
  ID: string;
  Code: string;
  Description: string;
  PaymentDays: number;
}

export const journals = new EntitySetApi<ExactJournal>('financial/Journals', [
  'ID',
  'Code',
  'Description',
  'Type',
  'Currency',
  'IsBlocked',
]);
export const glAccounts = new EntitySetApi<ExactGLAccount>('financial/GLAccounts', [
  'ID',
  'Code',
  'Description',
  'Type',
  'BalanceType',
  'VATCode',
  'IsBlocked',
]);
export const vatCodes = new EntitySetApi<ExactVATCode>('vat/VATCodes', [
  'ID',
  'Code',
  'Description',
  'Percentage',
  'VATTransactionType',
  'Type',
  'IsBlocked',
]);
export const paymentConditions = new EntitySetApi<ExactPaymentCondition>(
  'cashflow/PaymentConditions',
  ['ID', 'Code', 'Description', 'PaymentDays'],
);

/**
 * A VAT code's rate in percent. Whether Exact sends 21 or 0.21 is not confirmed by a published
 * response, so both are read the same way.
 */
export function vatPercentage(code: Pick<ExactVATCode, 'Percentage'>): number {
  const value = Number(code.Percentage);
  return value > 0 && value < 1 ? Math.round(value * 10_000) / 100 : value;
}
