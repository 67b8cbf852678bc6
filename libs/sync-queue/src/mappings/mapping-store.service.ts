import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { MappingEntity, MappingKind } from '../entities/mapping.entity';

export interface MappingChangeRow {
  odooId: number;
  exactCode: string | null;
  exactId: string | null;
  enabled: boolean;
}

/** A connection's mappings of some kinds, read at once. */
export class ConnectionMappings {
  private readonly byKind = new Map<MappingKind, Map<number, MappingEntity>>();

  constructor(rows: MappingEntity[]) {
    for (const row of rows) {
      let kind = this.byKind.get(row.kind);
      if (!kind) this.byKind.set(row.kind, (kind = new Map()));
      kind.set(row.odooId, row);
    }
  }

  /** Every mapping of one kind, by Odoo id. */
  of(kind: MappingKind): Map<number, MappingEntity> {
    return this.byKind.get(kind) ?? new Map();
  }

  /** Odoo id → Exact code, of the mappings that have one. */
  codes(kind: MappingKind): Map<number, string> {
    return this.column(kind, 'exactCode');
  }

  /** Odoo id → the Exact record's ID (G/L accounts are referenced by ID in entries). */
  exactIds(kind: MappingKind): Map<number, string> {
    return this.column(kind, 'exactId');
  }

  private column(kind: MappingKind, field: 'exactCode' | 'exactId'): Map<number, string> {
    return new Map(
      [...this.of(kind)].flatMap(([odooId, row]) => (row[field] ? [[odooId, row[field]]] : [])),
    );
  }
}

/** The operator's mappings (Odoo journal, account, tax, payment term → Exact code), per connection. */
@Injectable()
export class MappingStore {
  constructor(
    @InjectRepository(MappingEntity) private readonly mappings: Repository<MappingEntity>,
  ) {}

  /** The mappings of these kinds, in one query. */
  async load(connectionId: string, kinds: MappingKind[]): Promise<ConnectionMappings> {
    return new ConnectionMappings(await this.mappings.findBy({ connectionId, kind: In(kinds) }));
  }

  /** Every mapping of one kind, by Odoo id. */
  async byOdooId(connectionId: string, kind: MappingKind): Promise<Map<number, MappingEntity>> {
    return (await this.load(connectionId, [kind])).of(kind);
  }

  /** Odoo id → Exact code of the mappings that have one. */
  async codes(connectionId: string, kind: MappingKind): Promise<Map<number, string>> {
    return (await this.load(connectionId, [kind])).codes(kind);
  }

  /** Stores the changes in one transaction; a null code removes the mapping. */
  async apply(connectionId: string, kind: MappingKind, changes: MappingChangeRow[]): Promise<void> {
    await this.mappings.manager.transaction(async (manager) => {
      for (const change of changes) {
        if (change.exactCode === null) {
          await manager.delete(MappingEntity, { connectionId, kind, odooId: change.odooId });
          continue;
        }
        await manager.query(
          `INSERT INTO mapping (connection_id, kind, odoo_id, exact_code, exact_id, enabled)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (connection_id, kind, odoo_id)
           DO UPDATE SET exact_code = EXCLUDED.exact_code, exact_id = EXCLUDED.exact_id,
                         enabled = EXCLUDED.enabled, updated_at = now()`,
          [connectionId, kind, change.odooId, change.exactCode, change.exactId, change.enabled],
        );
      }
    });
  }
}
