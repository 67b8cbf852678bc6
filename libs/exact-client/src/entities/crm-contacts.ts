import { EntitySetApi } from './entity-set-api';

export interface ExactContact {
  ID: string;
  Account: string;
  FirstName: string | null;
  LastName: string | null;
  FullName: string | null;
  Email: string | null;
  Phone: string | null;
  Mobile: string | null;
  JobTitleDescription: string | null;
  IsMainContact: boolean;
}

export type ExactContactWrite = Partial<Omit<ExactContact, 'ID' | 'FullName'>> & {
  Account: string;
};

/** crm/Contacts: people of an account. */
export const contacts = new EntitySetApi<ExactContact, ExactContactWrite>('crm/Contacts', [
  'ID',
  'Account',
  'FirstName',
  'LastName',
  'FullName',
  'Email',
  'Phone',
  'Mobile',
  'JobTitleDescription',
  'IsMainContact',
]);
