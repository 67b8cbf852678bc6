import type { MappingList } from '@app/contracts';
import { glAccounts, journals, paymentConditions, vatCodes } from '@app/exact-client';
import { ConnectionClients, ConnectionEntity } from '@app/sync-queue';
import { Injectable } from '@nestjs/common';

const TTL_MS = 10 * 60_000;

const SETS = {
  journals,
  accounts: glAccounts,
  taxes: vatCodes,
  'payment-terms': paymentConditions,
  'bank-journals': journals,
} as const;

/**
 * Exact's journals, G/L accounts, VAT codes and payment conditions per connection, kept for ten
 * minutes (they change rarely; the mapping screens would otherwise read them on every request).
 * Booking an entry needs none of them: the mappings hold the codes and G/L account IDs.
 */
@Injectable()
export class ExactMasterData {
  private readonly cache = new Map<string, { at: number; records: Promise<unknown[]> }>();

  constructor(private readonly clients: ConnectionClients) {}

  list<E>(connection: ConnectionEntity, list: MappingList, refresh = false): Promise<E[]> {
    const key = `${connection.id}:${connection.exactDivision}:${list}`;
    const cached = this.cache.get(key);
    if (!refresh && cached && Date.now() - cached.at < TTL_MS)
      return cached.records as Promise<E[]>;
    const records = SETS[list].find(this.clients.exact(connection)) as Promise<unknown[]>;
    records.catch(() => this.cache.delete(key));
    this.cache.set(key, { at: Date.now(), records });
    return records as Promise<E[]>;
  }
}
