import type { MappingCandidate, MappingList } from '@app/contracts';
import {
  EXACT_JOURNAL_TYPES,
  ExactGLAccount,
  ExactJournal,
  ExactPaymentCondition,
  ExactVATCode,
  vatPercentage,
} from '@app/exact-client';
import type { MappingKind } from '@app/sync-queue';

/** An Odoo record to map, as the rules need it. */
export interface OdooRecordToMap {
  id: number;
  code: string | null;
  name: string;
  /** Journal: sale/purchase; account: its account type; tax: sale/purchase. */
  type: string | null;
  /** Taxes: the percentage (null for a tax that is not a plain percentage). */
  percentage?: number | null;
}

/** An Exact record a mapping can point at. */
export interface ExactRecordToMap {
  id: string;
  code: string;
  description: string;
}

/** How one kind of mapping is checked, suggested and auto-matched. */
export interface MappingRule<E> {
  kind: MappingKind;
  exactRecord(record: E): ExactRecordToMap;
  /** null when the Exact record can serve this Odoo record; otherwise why not. */
  misfit(odoo: OdooRecordToMap, exact: E): string | null;
  /** Auto-match: the one Exact record that is obviously meant, or null. */
  obvious(odoo: OdooRecordToMap, fitting: E[]): E | null;
}

/** Exact G/L account types an entry line refuses: cash, bank, receivable, payable, VAT (reference §4.3). */
const NOT_ON_LINES = new Set([10, 12, 20, 22, 24]);
const GL_TYPE_NAMES: Record<number, string> = {
  10: 'cash',
  12: 'bank',
  20: 'receivable',
  22: 'payable',
  24: 'VAT',
};

const JOURNAL_TYPE_FOR: Record<string, number> = {
  sale: EXACT_JOURNAL_TYPES.sales,
  purchase: EXACT_JOURNAL_TYPES.purchase,
};

const trimmed = (code: string | number) => String(code).trim();
const blocked = (exact: { IsBlocked?: boolean }, what: string) =>
  exact.IsBlocked ? `${what} is blocked in Exact` : null;

export const JOURNAL_RULE: MappingRule<ExactJournal> = {
  kind: 'journal',
  exactRecord: (j) => ({ id: j.ID, code: trimmed(j.Code), description: j.Description }),
  misfit(odoo, journal) {
    const needed = JOURNAL_TYPE_FOR[odoo.type ?? ''];
    return (
      blocked(journal, `journal ${trimmed(journal.Code)}`) ??
      (needed !== undefined && Number(journal.Type) !== needed
        ? `wrong type: Exact journal ${trimmed(journal.Code)} is of type ${journal.Type}; a ${odoo.type} journal needs type ${needed} (${odoo.type === 'sale' ? 'sales' : 'purchase'})`
        : null)
    );
  },
  obvious: (odoo, fitting) => fitting.find((j) => trimmed(j.Code) === odoo.code) ?? null,
};

export const ACCOUNT_RULE: MappingRule<ExactGLAccount> = {
  kind: 'account',
  exactRecord: (a) => ({ id: a.ID, code: trimmed(a.Code), description: a.Description }),
  misfit(_odoo, account) {
    return (
      blocked(account, `G/L account ${trimmed(account.Code)}`) ??
      (NOT_ON_LINES.has(Number(account.Type))
        ? `wrong type: Exact G/L account ${trimmed(account.Code)} is a ${GL_TYPE_NAMES[Number(account.Type)]} account, which an invoice line cannot use`
        : null)
    );
  },
  obvious: (odoo, fitting) => fitting.find((a) => trimmed(a.Code) === odoo.code) ?? null,
};

export const TAX_RULE: MappingRule<ExactVATCode> = {
  kind: 'tax',
  exactRecord: (v) => ({ id: v.ID, code: trimmed(v.Code), description: v.Description }),
  misfit(odoo, vat) {
    const use = vat.VATTransactionType ?? 'B';
    const wantedUse = odoo.type === 'sale' ? 'S' : 'P';
    if (vat.IsBlocked) return `VAT code ${trimmed(vat.Code)} is blocked in Exact`;
    if (odoo.percentage === null || odoo.percentage === undefined)
      return 'the Odoo tax is not a plain percentage';
    if (vatPercentage(vat) !== odoo.percentage)
      return `wrong percentage: Exact VAT code ${trimmed(vat.Code)} is ${vatPercentage(vat)}%, the Odoo tax ${odoo.percentage}%`;
    if (use !== 'B' && use !== wantedUse)
      return `wrong use: Exact VAT code ${trimmed(vat.Code)} is for ${use === 'S' ? 'sales' : 'purchases'}, the Odoo tax for ${odoo.type === 'sale' ? 'sales' : 'purchases'}`;
    return null;
  },
  obvious(odoo, fitting) {
    if (fitting.length === 1) return fitting[0];
    const exactUse = fitting.filter(
      (v) => v.VATTransactionType === (odoo.type === 'sale' ? 'S' : 'P'),
    );
    return exactUse.length === 1 ? exactUse[0] : null;
  },
};

export const PAYMENT_TERM_RULE: MappingRule<ExactPaymentCondition> = {
  kind: 'payment_term',
  exactRecord: (c) => ({ id: c.ID, code: trimmed(c.Code), description: c.Description }),
  misfit: () => null,
  // Terms are named freely on both sides; the operator chooses.
  obvious: () => null,
};

const BANK_TYPE_FOR: Record<string, number> = {
  bank: EXACT_JOURNAL_TYPES.bank,
  cash: EXACT_JOURNAL_TYPES.cash,
};

/** The Odoo bank (or cash) journal payments from Exact are registered on, with its Exact counterpart. */
export const BANK_JOURNAL_RULE: MappingRule<ExactJournal> = {
  ...JOURNAL_RULE,
  kind: 'bank_journal',
  misfit(odoo, journal) {
    const needed = BANK_TYPE_FOR[odoo.type ?? ''];
    return (
      blocked(journal, `journal ${trimmed(journal.Code)}`) ??
      (Number(journal.Type) !== needed
        ? `wrong type: Exact journal ${trimmed(journal.Code)} is of type ${journal.Type}; a ${odoo.type} journal needs type ${needed} (${odoo.type})`
        : null)
    );
  },
};

export const RULES: Record<MappingList, MappingRule<never>> = {
  journals: JOURNAL_RULE as MappingRule<never>,
  accounts: ACCOUNT_RULE as MappingRule<never>,
  taxes: TAX_RULE as MappingRule<never>,
  'payment-terms': PAYMENT_TERM_RULE as MappingRule<never>,
  'bank-journals': BANK_JOURNAL_RULE as MappingRule<never>,
};

/** The status of one Odoo record's mapping against what Exact has. */
export function mappingStatus<E>(
  rule: MappingRule<E>,
  odoo: OdooRecordToMap,
  exactCode: string | null,
  exact: E[],
): { status: 'valid' | 'invalid'; reason: string | null; record: E | null } {
  if (!exactCode) return { status: 'invalid', reason: 'no code', record: null };
  const record = exact.find((e) => rule.exactRecord(e).code === exactCode.trim()) ?? null;
  if (!record) return { status: 'invalid', reason: `not in Exact: no code ${exactCode}`, record };
  const misfit = rule.misfit(odoo, record);
  return { status: misfit ? 'invalid' : 'valid', reason: misfit, record };
}

/** The Exact records that fit an Odoo record (at most `limit`, the same code first). */
export function candidatesFor<E>(
  rule: MappingRule<E>,
  odoo: OdooRecordToMap,
  exact: E[],
  limit = 50,
): MappingCandidate[] {
  return exact
    .filter((e) => rule.misfit(odoo, e) === null)
    .map((e) => rule.exactRecord(e))
    .sort((a, b) => Number(b.code === odoo.code) - Number(a.code === odoo.code))
    .slice(0, limit)
    .map(({ code, description }) => ({ code, description }));
}
