import { MappingError } from '@app/common';
import type { MappingChange, MappingItem, MappingList } from '@app/contracts';
import {
  OdooClient,
  listAccounts,
  listJournals,
  listPaymentTerms,
  listTaxes,
} from '@app/odoo-client';
import {
  ConnectionClients,
  ConnectionDirectory,
  ConnectionEntity,
  MappingChangeRow,
  MappingStore,
} from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import { ExactMasterData } from './exact-master-data.service';
import { MappingRule, OdooRecordToMap, RULES, candidatesFor, mappingStatus } from './mapping-rules';

/** Account types that never carry an invoice line (receivable, payable, bank and cash). */
const NOT_ON_INVOICE_LINES = new Set([
  'asset_receivable',
  'liability_payable',
  'asset_cash',
  'liability_credit_card',
]);

/** A `put` with changes that cannot be stored; nothing was stored. */
export class MappingChangesRefused extends MappingError {
  constructor(readonly refused: { odooId: number; reason: string }[]) {
    super(
      `${refused.length} mapping(s) refused: ${refused.map((r) => `${r.odooId}: ${r.reason}`).join('; ')}`,
    );
  }
}

/**
 * The mapping screens: each Odoo journal, account, tax or payment term with its Exact code, its
 * status against what Exact has, and the Exact records that would fit; setting codes in bulk
 * (checked first: all or nothing); and auto-matching what is obvious.
 */
@Injectable()
export class MappingsService {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly exactData: ExactMasterData,
    private readonly store: MappingStore,
  ) {}

  async list(connectionId: string, list: MappingList, refresh = false): Promise<MappingItem[]> {
    const { connection, odoo, exact, rule } = await this.load(connectionId, list, refresh);
    const mapped = await this.store.byOdooId(connection.id, rule.kind);
    return odoo.map((record) => {
      const mapping = mapped.get(record.id);
      const status = mappingStatus(rule, record, mapping?.exactCode ?? null, exact);
      return {
        odooId: record.id,
        odoo: { code: record.code, name: record.name, type: record.type },
        exactCode: mapping?.exactCode ?? null,
        enabled: mapping?.enabled ?? true,
        status: status.status,
        reason: status.reason,
        candidates: candidatesFor(rule, record, exact),
      };
    });
  }

  async put(connectionId: string, list: MappingList, changes: MappingChange[]) {
    const { connection, odoo, exact, rule } = await this.load(connectionId, list, true);
    const byId = new Map(odoo.map((record) => [record.id, record]));
    const refused: { odooId: number; reason: string }[] = [];
    const rows: MappingChangeRow[] = [];
    for (const change of changes) {
      const record = byId.get(change.odooId);
      if (!record) {
        refused.push({
          odooId: change.odooId,
          reason: `not an Odoo ${list} record of this company`,
        });
        continue;
      }
      if (change.exactCode === null || change.exactCode === undefined) {
        rows.push({ odooId: record.id, exactCode: null, exactId: null, enabled: true });
        continue;
      }
      const status = mappingStatus(rule, record, change.exactCode, exact);
      if (status.status === 'invalid') refused.push({ odooId: record.id, reason: status.reason! });
      else
        rows.push({
          odooId: record.id,
          exactCode: rule.exactRecord(status.record!).code,
          exactId: rule.exactRecord(status.record!).id,
          enabled: change.enabled ?? true,
        });
    }
    if (refused.length > 0) throw new MappingChangesRefused(refused);
    await this.store.apply(connection.id, rule.kind, rows);
    return { items: await this.list(connectionId, list), changed: rows.length };
  }

  /** Maps every unmapped Odoo record whose Exact counterpart is obvious; leaves the rest. */
  async auto(connectionId: string, list: MappingList) {
    const { connection, odoo, exact, rule } = await this.load(connectionId, list, true);
    const mapped = await this.store.byOdooId(connection.id, rule.kind);
    const rows: MappingChangeRow[] = [];
    for (const record of odoo) {
      if (mapped.get(record.id)?.exactCode) continue;
      const fitting = exact.filter((e) => rule.misfit(record, e) === null);
      const obvious = rule.obvious(record, fitting);
      if (obvious)
        rows.push({
          odooId: record.id,
          exactCode: rule.exactRecord(obvious).code,
          exactId: rule.exactRecord(obvious).id,
          enabled: true,
        });
    }
    await this.store.apply(connection.id, rule.kind, rows);
    return { items: await this.list(connectionId, list), changed: rows.length };
  }

  private async load(connectionId: string, list: MappingList, refresh: boolean) {
    const connection = await this.connections.findById(connectionId);
    if (!connection) throw new MappingError(`connection ${connectionId} does not exist`);
    if (connection.exactDivision === null)
      throw new MappingError(`connection '${connection.name}' has no Exact division pinned yet`);
    const odooClient = this.clients.odoo(connection);
    const [odoo, exact] = await Promise.all([
      odooRecords(odooClient, connection, list),
      this.exactData.list<never>(connection, list, refresh),
    ]);
    return { connection, odoo, exact, rule: RULES[list] as MappingRule<never> };
  }
}

/** The Odoo records of a list, as the rules see them. */
async function odooRecords(
  odoo: OdooClient,
  connection: ConnectionEntity,
  list: MappingList,
): Promise<OdooRecordToMap[]> {
  const company = connection.odooCompanyId;
  switch (list) {
    case 'journals':
      return (await listJournals(odoo, company))
        .filter((j) => j.type === 'sale' || j.type === 'purchase')
        .map((j) => ({ id: j.id, code: j.code, name: j.name, type: j.type }));
    case 'accounts':
      return (await listAccounts(odoo, company))
        .filter((a) => !a.deprecated && !NOT_ON_INVOICE_LINES.has(a.accountType))
        .map((a) => ({ id: a.id, code: a.code, name: a.name, type: a.accountType }));
    case 'taxes':
      return (await listTaxes(odoo, company))
        .filter((t) => t.typeTaxUse === 'sale' || t.typeTaxUse === 'purchase')
        .map((t) => ({
          id: t.id,
          code: null,
          name: t.name,
          type: t.typeTaxUse,
          percentage: t.amountType === 'percent' ? t.amount : null,
        }));
    case 'bank-journals':
      return (await listJournals(odoo, company))
        .filter((j) => j.type === 'bank' || j.type === 'cash')
        .map((j) => ({ id: j.id, code: j.code, name: j.name, type: j.type }));
    case 'payment-terms':
      return (await listPaymentTerms(odoo)).map((t) => ({
        id: t.id,
        code: null,
        name: t.name,
        type: null,
      }));
  }
}
