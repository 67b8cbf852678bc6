import type { ExactClient } from '../http/exact-client';
import { EntitySetApi } from './entity-set-api';

export interface ExactMe {
  CurrentDivision: number;
  UserID: string;
  UserName: string;
  FullName: string;
  Email: string | null;
  LanguageCode: string | null;
}

export interface ExactDivision {
  Code: number;
  Description: string;
  Country: string | null;
  Currency: string | null;
  /** The division the API used most recently; never trust it for a connection — pin one. */
  Current: boolean;
  Status: number;
  VATNumber: string | null;
  Legislation: string | null;
  DivisionMoveDate: Date | null;
  DivisionHRLinkUnlinkDate: Date | null;
}

/** current/Me: the signed-in user; the only call without a division (and outside the daily limit). */
export async function currentMe(client: ExactClient): Promise<ExactMe> {
  const page = await client.get<ExactMe>('current/Me', {
    $select: 'CurrentDivision,UserID,UserName,FullName,Email,LanguageCode',
  });
  return page.results[0];
}

/** system/Divisions: the divisions the user granted (call it with any division the user can reach). */
export const divisions = new EntitySetApi<ExactDivision>(
  'system/Divisions',
  [
    'Code',
    'Description',
    'Country',
    'Currency',
    'Current',
    'Status',
    'VATNumber',
    'Legislation',
    'DivisionMoveDate',
    'DivisionHRLinkUnlinkDate',
  ],
  'int',
);
