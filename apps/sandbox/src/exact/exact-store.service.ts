import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SandboxClock } from '../control/sandbox-clock';
import { SANDBOX_CONFIG, SandboxConfig } from '../sandbox.config';
import { EntitySetDefinition } from './entity-sets';
import { seedDivision } from './exact-seed';

export type ExactRecord = Record<string, unknown>;

/** The user every simulated change is attributed to (Creator/Modifier). */
export const SANDBOX_USER_ID = '99d87844-e4ef-4ac5-968c-fb863eaced16';

interface DivisionData {
  sets: Map<string, ExactRecord[]>;
  /** Exact's rowversion: every insert and update gets the next value (sync endpoints filter on it). */
  timestamp: number;
  sequences: Map<string, number>;
}

/** Records of every division, in creation order, per entity set; master data is seeded on first use. */
@Injectable()
export class ExactStore {
  private readonly divisions = new Map<number, DivisionData>();

  constructor(
    private readonly clock: SandboxClock,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  /** The stored records of a set (views read their source set). */
  all(division: number, set: EntitySetDefinition): ExactRecord[] {
    const path = set.source ?? set.path;
    const data = this.data(division);
    let records = data.sets.get(path);
    if (!records) data.sets.set(path, (records = []));
    return set.sourceFilter ? records.filter(set.sourceFilter) : records;
  }

  find(division: number, set: EntitySetDefinition, key: unknown): ExactRecord | undefined {
    const wanted = String(key).toLowerCase();
    return this.all(division, set).find(
      (record) => String(record[set.key]).toLowerCase() === wanted,
    );
  }

  /** Stores a new record, filling what Exact fills: key, audit fields, division, Timestamp. */
  insert(division: number, set: EntitySetDefinition, values: ExactRecord): ExactRecord {
    const now = this.clock.now();
    // Booleans read false and everything else null until set, as in Exact's answers.
    const record: ExactRecord = Object.fromEntries(
      Object.entries(set.fields)
        .filter(([, type]) => type !== 'deferred')
        .map(([field, type]) => [field, type === 'boolean' ? false : null]),
    );
    Object.assign(record, values);
    if (set.fields[set.key] === 'guid' && !record[set.key]) record[set.key] = randomUUID();
    Object.assign(record, { Division: division, Timestamp: this.tick(division) });
    if ('Created' in set.fields)
      Object.assign(record, {
        Created: now,
        Modified: now,
        Creator: SANDBOX_USER_ID,
        Modifier: SANDBOX_USER_ID,
      });
    this.all(division, { ...set, sourceFilter: undefined }).push(record);
    return record;
  }

  update(
    division: number,
    set: EntitySetDefinition,
    record: ExactRecord,
    values: ExactRecord,
  ): void {
    Object.assign(record, values, { Timestamp: this.tick(division) });
    if ('Modified' in set.fields)
      Object.assign(record, { Modified: this.clock.now(), Modifier: SANDBOX_USER_ID });
  }

  remove(division: number, set: EntitySetDefinition, record: ExactRecord): void {
    const records = this.all(division, { ...set, sourceFilter: undefined });
    records.splice(records.indexOf(record), 1);
  }

  /** The next number of a named sequence (entry numbers per journal), starting at `first`. */
  nextNumber(division: number, sequence: string, first: number): number {
    const data = this.data(division);
    const next = data.sequences.get(sequence) ?? first;
    data.sequences.set(sequence, next + 1);
    return next;
  }

  clear(): void {
    this.divisions.clear();
  }

  private tick(division: number): number {
    return ++this.data(division).timestamp;
  }

  private data(division: number): DivisionData {
    let data = this.divisions.get(division);
    if (!data) {
      data = { sets: new Map(), timestamp: 1000, sequences: new Map() };
      this.divisions.set(division, data);
      seedDivision(this, division, this.config);
    }
    return data;
  }
}
