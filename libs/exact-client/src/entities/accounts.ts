import type { ExactClient } from '../http/exact-client';
import { eq, odata } from '../odata/odata';
import { EntitySetApi } from './entity-set-api';

/** The crm/Accounts fields the connector reads and writes. */
export interface ExactAccount {
  ID: string;
  Code: string | null;
  Name: string;
  AddressLine1: string | null;
  AddressLine2: string | null;
  Postcode: string | null;
  City: string | null;
  Country: string | null;
  Email: string | null;
  Phone: string | null;
  VATNumber: string | null;
  ChamberOfCommerce: string | null;
  Status: string | null;
  IsSupplier: boolean;
  Blocked: boolean;
  Language: string | null;
  PaymentConditionSales: string | null;
  PaymentConditionPurchase: string | null;
}

export type ExactAccountWrite = Partial<Omit<ExactAccount, 'ID'>> & { Name: string };

export const ACCOUNT_FIELDS = [
  'ID',
  'Code',
  'Name',
  'AddressLine1',
  'AddressLine2',
  'Postcode',
  'City',
  'Country',
  'Email',
  'Phone',
  'VATNumber',
  'ChamberOfCommerce',
  'Status',
  'IsSupplier',
  'Blocked',
  'Language',
  'PaymentConditionSales',
  'PaymentConditionPurchase',
] as const;

/** crm/Accounts (a GET needs a $filter: Exact applies mandatory filtering here). */
export const accounts = new EntitySetApi<ExactAccount, ExactAccountWrite>(
  'crm/Accounts',
  ACCOUNT_FIELDS,
);

/** sync/CRM/Accounts: accounts changed since a Timestamp (1,000 per page). */
export const syncAccounts = new EntitySetApi<ExactAccount & { Timestamp: number }>(
  'sync/CRM/Accounts',
  [...ACCOUNT_FIELDS, 'Timestamp'],
);

/** bulk/CRM/Accounts: every account, 1,000 per page. */
export const bulkAccounts = new EntitySetApi<ExactAccount>('bulk/CRM/Accounts', ACCOUNT_FIELDS);

/** The account with this code; the code is padded to Exact's 18 characters, or it matches nothing. */
export async function findAccountByCode(
  client: ExactClient,
  code: string,
): Promise<ExactAccount | null> {
  const [account] = await accounts.find(client, eq('Code', odata.accountCode(code)));
  return account ?? null;
}
