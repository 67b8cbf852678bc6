import {
  LINE_TYPE,
  PAYMENT_CONDITIONS,
  PAYMENT_TERMS_STORE,
  RECEIVABLES,
  SYNC_PAYMENT_TERMS,
} from './cashflow';
import { ACCOUNTS, CONTACTS } from './crm';
import { DOCUMENT_ATTACHMENTS, DOCUMENTS } from './documents';
import {
  PURCHASE_ENTRIES,
  PURCHASE_ENTRY_LINES,
  SALES_ENTRIES,
  SALES_ENTRY_LINES,
} from './entries';
import type { EntitySetDefinition } from './entity-set';
import { GL_ACCOUNTS, JOURNALS, VAT_CODES } from './financial';
import { DIVISIONS, WEBHOOK_SUBSCRIPTIONS } from './system';

/** sync/CRM/Accounts: accounts changed since a Timestamp, 1,000 per page; only Timestamp may be filtered. */
export const SYNC_ACCOUNTS: EntitySetDefinition = {
  ...ACCOUNTS,
  path: 'sync/CRM/Accounts',
  methods: ['GET'],
  pageSize: 1000,
  source: ACCOUNTS.path,
  mandatoryFilterFields: undefined,
  filterableFields: ['Timestamp'],
  orderByTimestamp: true,
  fields: { ...ACCOUNTS.fields, Timestamp: 'number' },
};

/** bulk/CRM/Accounts: every account, 1,000 per page, `$select` mandatory. */
export const BULK_ACCOUNTS: EntitySetDefinition = {
  ...ACCOUNTS,
  path: 'bulk/CRM/Accounts',
  methods: ['GET'],
  pageSize: 1000,
  source: ACCOUNTS.path,
  mandatoryFilterFields: undefined,
  requireSelect: true,
};

/** cashflow/Payments: the payable terms. */
export const PAYMENTS: EntitySetDefinition = {
  ...RECEIVABLES,
  path: 'cashflow/Payments',
  type: 'Exact.Web.Api.Models.Cashflow.Payment',
  sourceFilter: (term) => term.LineType === LINE_TYPE.payable,
};

export const ENTITY_SETS: EntitySetDefinition[] = [
  ACCOUNTS,
  CONTACTS,
  JOURNALS,
  GL_ACCOUNTS,
  VAT_CODES,
  PAYMENT_CONDITIONS,
  SALES_ENTRIES,
  SALES_ENTRY_LINES,
  PURCHASE_ENTRIES,
  PURCHASE_ENTRY_LINES,
  DOCUMENTS,
  DOCUMENT_ATTACHMENTS,
  PAYMENT_TERMS_STORE,
  SYNC_PAYMENT_TERMS,
  RECEIVABLES,
  PAYMENTS,
  SYNC_ACCOUNTS,
  BULK_ACCOUNTS,
  DIVISIONS,
  WEBHOOK_SUBSCRIPTIONS,
];

export function entitySet(path: string): EntitySetDefinition | undefined {
  return ENTITY_SETS.find((set) => set.path === path);
}

export * from './cashflow';
export * from './crm';
export * from './documents';
export * from './entity-set';
export * from './entries';
export * from './financial';
export * from './system';
