import { MappingError } from '@app/common';
import { JOB_KINDS } from '@app/contracts';
import {
  ExactClient,
  and,
  eq,
  odata,
  purchaseEntries,
  purchaseEntryLines,
  replaceEntryLines,
  salesEntries,
  salesEntryLines,
} from '@app/exact-client';
import { OdooClient, OdooMove, readMove } from '@app/odoo-client';
import {
  ClaimedJob,
  ConnectionClients,
  ConnectionDirectory,
  ConnectionEntity,
  EntityLinkEntity,
  EntityLinkStore,
  JobHandler,
  JobRun,
  MappingStore,
  OdooRecordJobs,
  SyncJobHandler,
  SyncJobQueue,
  connectionSettings,
  readyConnection,
  skipped,
} from '@app/sync-queue';
import { createHash } from 'node:crypto';
import { INVOICE_SYNC, InvoiceJobPayload } from './invoice-jobs';
import { InvoiceDocuments } from './invoice-document.service';
import {
  BookedTotals,
  EntryKind,
  EntryWrite,
  entryKindOf,
  moveToEntry,
  totalsWarnings,
} from './move-entry.mapper';
import { PartnerAccounts } from './partner-accounts.service';

/** The entry sets and line sets of sales and purchases. */
const SETS = {
  sales: {
    entries: salesEntries,
    lines: salesEntryLines,
    party: 'Customer',
    linesField: 'SalesEntryLines',
  },
  purchase: {
    entries: purchaseEntries,
    lines: purchaseEntryLines,
    party: 'Supplier',
    linesField: 'PurchaseEntryLines',
  },
} as const;

/**
 * invoice.sync: books a posted Odoo invoice, credit note, bill or refund in Exact Online.
 * - New: the PDF as a document (2 calls), then the entry with its lines (1 call); the link is stored
 *   the moment Exact answers. A POST whose outcome is unknown leaves a marker, and the next attempt
 *   looks the entry up (YourRef + Journal + customer/supplier) before posting again.
 * - Booked and unchanged → nothing. Booked and changed (reset to draft, edited, posted again) → the
 *   header by PUT, the new lines added first and the old ones deleted after, the new PDF attached.
 * - Exact's totals are compared with Odoo's; a difference is a warning on the job with both amounts.
 * A missing mapping fails the job as a mapping error naming the Odoo records; fix it and retry.
 */
@JobHandler(JOB_KINDS.invoiceSync)
export class InvoiceSyncHandler implements SyncJobHandler {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly records: OdooRecordJobs,
    private readonly links: EntityLinkStore,
    private readonly mappings: MappingStore,
    private readonly queue: SyncJobQueue,
    private readonly partners: PartnerAccounts,
    private readonly documents: InvoiceDocuments,
  ) {}

  async handle(job: ClaimedJob, run: JobRun): Promise<Record<string, unknown>> {
    if (job.connectionId === null) return this.records.routeUnmatched(INVOICE_SYNC, job);
    const connection = await readyConnection(this.connections, job.connectionId, null);
    if (!connection) return skipped('this connection syncs no invoices');
    const payload = job.payload as InvoiceJobPayload;
    const odoo = this.clients.odoo(connection);
    const move = await readMove(odoo, payload.resId);
    if (!move) return skipped(`account.move ${payload.resId} no longer exists in Odoo`);
    run.setLabel(move.name);
    const kind = entryKindOf(move.moveType);
    if (!kind) return skipped(`a ${move.moveType}, not an invoice, credit note, bill or refund`);
    if (!connection.features[kind.set === 'sales' ? 'sales' : 'purchases'])
      return skipped(`${kind.set} are switched off for this connection`);
    if (move.state !== 'posted') return skipped(`${move.state}: it is booked once it is posted`);
    const settings = connectionSettings(connection);
    if (!payload.backfill && (move.invoiceDate ?? '') < settings.invoiceStartDate)
      return skipped(
        `dated ${move.invoiceDate}, before the connection's start date ${settings.invoiceStartDate} (a backfill can book it)`,
      );
    const mappings = await this.mappings.load(connection.id, [
      'journal',
      'account',
      'tax',
      'payment_term',
    ]);
    const journal = mappings.of('journal').get(move.journalId!);
    if (!journal?.exactCode)
      throw new MappingError(
        `account.journal ${move.journalId} of ${move.name} has no Exact journal mapped; map it (or switch it off), then retry`,
      );
    if (!journal.enabled) return skipped(`its journal is switched off for this connection`);

    const partyAccountId = await this.partners.ensure(connection.id, move.commercialPartnerId!);
    const mapped = moveToEntry(move, kind, {
      journalCode: journal.exactCode,
      partyAccountId,
      glAccounts: mappings.exactIds('account'),
      vatCodes: mappings.codes('tax'),
      paymentCondition: move.paymentTermId
        ? (mappings.codes('payment_term').get(move.paymentTermId) ?? null)
        : null,
      creditNoteSign: settings.creditNoteSign,
      vatCodeWithoutTax: settings.vatCodeWithoutTax,
    });
    if (!mapped.ok)
      throw new MappingError(
        `${move.name} cannot be booked: ${mapped.problems.join('; ')}. Fix the mappings, then retry.`,
      );
    const fingerprint = entryFingerprint(mapped.entry);
    const exact = this.clients.exact(connection);
    const link = await this.links.find(connection.id, 'move', move.id);
    if (link?.sentHash === fingerprint) return { action: 'unchanged', exactEntryId: link.exactId };

    const booked = link
      ? await this.update(exact, odoo, move, kind, mapped.entry, link, partyAccountId)
      : await this.create(job, connection, exact, odoo, move, kind, mapped.entry, partyAccountId);
    await this.links.markSent(booked.linkId, fingerprint);
    const totals =
      settings.invoiceReadBack || !booked.totals
        ? await SETS[kind.set].entries.get(exact, booked.entryId)
        : booked.totals;
    const warnings = [
      ...(booked.documentId ? [] : ['no PDF: booked without a document']),
      ...(totals ? totalsWarnings(totals, mapped.expected) : []),
    ];
    return {
      action: booked.action,
      exactEntryId: booked.entryId,
      exactEntryNumber: booked.entryNumber,
      exactDocumentId: booked.documentId,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }

  private async create(
    job: ClaimedJob,
    connection: ConnectionEntity,
    exact: ExactClient,
    odoo: OdooClient,
    move: OdooMove,
    kind: EntryKind,
    entry: EntryWrite,
    partyAccountId: string,
  ) {
    const payload = job.payload as InvoiceJobPayload;
    const set = SETS[kind.set];
    if (payload.posting) {
      // The last POST may have booked it without us hearing back.
      const [existing] = await set.entries.find(
        exact,
        and(
          eq('YourRef', odata.string(entry.YourRef!)),
          eq('Journal', odata.string(entry.Journal)),
          eq(set.party, odata.guid(partyAccountId)),
        ),
      );
      if (existing) {
        const linked = await this.links.link(
          this.newLink(connection, move, kind, existing.EntryID),
        );
        await this.queue.forgetPayloadKey(job.id, 'posting');
        return {
          linkId: linked.id,
          action: 'linked' as const,
          entryId: existing.EntryID,
          entryNumber: existing.EntryNumber,
          documentId: existing.Document,
          totals: existing as BookedTotals,
        };
      }
    }
    let documentId = payload.exactDocumentId ?? null;
    if (!documentId) {
      documentId = await this.documents.create(odoo, exact, move, kind, partyAccountId);
      if (documentId) await this.queue.setPayloadKey(job.id, 'exactDocumentId', documentId);
    }
    await this.queue.setPayloadKey(job.id, 'posting', true);
    const created = await set.entries.create(exact, {
      ...entry,
      ...(documentId ? { Document: documentId } : {}),
    } as never);
    const linked = await this.links.link(this.newLink(connection, move, kind, created.EntryID));
    await this.queue.forgetPayloadKey(job.id, 'posting');
    return {
      linkId: linked.id,
      action: 'created' as const,
      entryId: created.EntryID,
      entryNumber: created.EntryNumber,
      documentId,
      totals: created as BookedTotals,
    };
  }

  /** A booked move changed: header by PUT, new lines first and the old ones deleted after, the new PDF attached. */
  private async update(
    exact: ExactClient,
    odoo: OdooClient,
    move: OdooMove,
    kind: EntryKind,
    entry: EntryWrite,
    link: EntityLinkEntity,
    partyAccountId: string,
  ) {
    const set = SETS[kind.set];
    const entryId = link.exactId;
    const { [set.linesField]: lines, ...header } = entry as unknown as Record<string, unknown>;
    const old = await set.lines.find(exact, eq('EntryID', odata.guid(entryId)));
    await replaceEntryLines(
      exact,
      set.lines,
      entryId,
      old.map((line) => line.ID),
      lines as never,
    );
    const documentId = await this.documents.create(odoo, exact, move, kind, partyAccountId);
    await set.entries.update(exact, entryId, {
      ...header,
      ...(documentId ? { Document: documentId } : {}),
    } as never);
    return {
      linkId: link.id,
      action: 'updated' as const,
      entryId,
      entryNumber: null,
      documentId,
      totals: null,
    };
  }

  private newLink(connection: ConnectionEntity, move: OdooMove, kind: EntryKind, exactId: string) {
    return {
      connectionId: connection.id,
      kind: 'move' as const,
      odooModel: 'account.move',
      odooId: move.id,
      exactEntity: SETS[kind.set].entries.path,
      exactId,
      sentHash: null,
    };
  }
}

/** What was booked, without the document (a new PDF of the same content is not a change). */
function entryFingerprint(entry: EntryWrite): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('hex');
}
