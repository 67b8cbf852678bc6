import type { ExactClient } from '../http/exact-client';
import { odata } from '../odata/odata';

export const ACCOUNTS = 'crm/Accounts';

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
}

export type ExactAccountWrite = Partial<Omit<ExactAccount, 'ID'>> & { Name: string };

export const ACCOUNT_SELECT =
  'ID,Code,Name,AddressLine1,AddressLine2,Postcode,City,Country,Email,Phone,VATNumber,ChamberOfCommerce,Status,IsSupplier,Blocked';

export function accountPath(id: string): string {
  return `${ACCOUNTS}(${odata.guid(id)})`;
}

/** Accounts matching a $filter (crm/Accounts requires one). */
export function findAccounts(client: ExactClient, filter: string): Promise<ExactAccount[]> {
  return client.getAll<ExactAccount>(ACCOUNTS, { $filter: filter, $select: ACCOUNT_SELECT });
}

export function createAccount(
  client: ExactClient,
  account: ExactAccountWrite,
): Promise<ExactAccount> {
  return client.post<ExactAccount>(ACCOUNTS, account);
}

export function updateAccount(
  client: ExactClient,
  id: string,
  changes: Partial<ExactAccountWrite>,
): Promise<void> {
  return client.put(accountPath(id), changes);
}
