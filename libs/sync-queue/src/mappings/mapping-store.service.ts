import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MappingEntity, MappingKind } from '../entities/mapping.entity';

export interface MappingChangeRow {
  odooId: number;
  exactCode: string | null;
  exactId: string | null;
  enabled: boolean;
}

/** The operator's mappings (Odoo journal, account, tax, payment term → Exact code), per connection. */
@Injectable()
export class MappingStore {
  constructor(
    @InjectRepository(MappingEntity) private readonly mappings: Repository<MappingEntity>,
  ) {}

  /** Every mapping of one kind, by Odoo id. */
  async byOdooId(connectionId: string, kind: MappingKind): Promise<Map<number, MappingEntity>> {
    const rows = await this.mappings.findBy({ connectionId, kind });
    return new Map(rows.map((row) => [row.odooId, row]));
  }

  /** Odoo id → Exact code of the mappings that have one. */
  async codes(connectionId: string, kind: MappingKind): Promise<Map<number, string>> {
    const rows = await this.byOdooId(connectionId, kind);
    return new Map(
      [...rows].flatMap(([odooId, row]) => (row.exactCode ? [[odooId, row.exactCode]] : [])),
    );
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
