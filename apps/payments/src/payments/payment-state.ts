import { EXACT_TERM_STATUS } from '@app/exact-client';

/** A payment term as the poll keeps it (exact_payment_term). */
export interface StoredTerm {
  term_id: string;
  status: number;
  amount_fc: string | number;
  transaction_amount_fc: string | number;
  last_payment_date: Date | null;
}

/** What Exact says of an invoice's payments: how much is paid, when last, by which term. */
export interface ExactPaymentState {
  paid: number;
  lastPaymentDate: Date | null;
  /** The term whose match is the latest (its ID goes into the Odoo payment's memo). */
  latestTermId: string;
}

/**
 * From all terms of an entry: paid = the entry's amount less what is still open (every term not
 * matched). Amounts are compared as sizes — credit notes carry negative amounts in Exact.
 */
export function exactPaymentState(terms: StoredTerm[]): ExactPaymentState {
  const total = Math.abs(Number(terms[0].transaction_amount_fc));
  const open = terms
    .filter((t) => Number(t.status) !== EXACT_TERM_STATUS.matched)
    .reduce((sum, t) => sum + Math.abs(Number(t.amount_fc)), 0);
  const dated = terms.filter((t) => t.last_payment_date !== null);
  const latest = dated.reduce<StoredTerm | null>(
    (a, b) => (a === null || b.last_payment_date! > a.last_payment_date! ? b : a),
    null,
  );
  return {
    paid: round2(total - open),
    lastPaymentDate: latest?.last_payment_date ?? null,
    latestTermId: (latest ?? terms[0]).term_id,
  };
}

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
