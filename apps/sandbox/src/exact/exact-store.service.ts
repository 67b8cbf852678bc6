import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SandboxClock } from '../control/sandbox-clock';
import { ACCOUNTS, EntitySetDefinition } from './exact-entity-sets';

export type ExactRecord = Record<string, unknown>;

/** The user every simulated change is attributed to (Creator/Modifier). */
export const SANDBOX_USER_ID = '99d87844-e4ef-4ac5-968c-fb863eaced16';

/** Records of every division, in creation order, per entity set. */
@Injectable()
export class ExactStore {
  private readonly divisions = new Map<number, Map<string, ExactRecord[]>>();

  constructor(private readonly clock: SandboxClock) {}

  all(division: number, set: EntitySetDefinition): ExactRecord[] {
    let sets = this.divisions.get(division);
    if (!sets) this.divisions.set(division, (sets = new Map()));
    let records = sets.get(set.path);
    if (!records) sets.set(set.path, (records = []));
    return records;
  }

  find(division: number, set: EntitySetDefinition, key: string): ExactRecord | undefined {
    const wanted = key.toLowerCase();
    return this.all(division, set).find(
      (record) => String(record[set.key]).toLowerCase() === wanted,
    );
  }

  /** Stores a new record, filling what Exact fills: key, audit fields, division, defaults. */
  insert(division: number, set: EntitySetDefinition, values: ExactRecord): ExactRecord {
    const now = this.clock.now();
    const record: ExactRecord = Object.fromEntries(
      Object.keys(set.fields).map((field) => [field, null]),
    );
    Object.assign(record, defaultsFor(set), values, {
      [set.key]: randomUUID(),
      Created: now,
      Modified: now,
      Creator: SANDBOX_USER_ID,
      Modifier: SANDBOX_USER_ID,
      Division: division,
    });
    this.all(division, set).push(record);
    return record;
  }

  update(record: ExactRecord, values: ExactRecord): void {
    Object.assign(record, values, { Modified: this.clock.now(), Modifier: SANDBOX_USER_ID });
  }

  remove(division: number, set: EntitySetDefinition, record: ExactRecord): void {
    const records = this.all(division, set);
    records.splice(records.indexOf(record), 1);
  }

  clear(): void {
    this.divisions.clear();
  }
}

function defaultsFor(set: EntitySetDefinition): ExactRecord {
  if (set === ACCOUNTS) {
    return {
      Blocked: false,
      IsSupplier: false,
      IsSales: false,
      IsPurchase: false,
      IsReseller: false,
      IsBank: false,
      Status: 'A',
      Type: 'A',
    };
  }
  return {};
}
