import { JOB_KINDS } from '@app/contracts';
import type { OdooRecordJobKind, OdooRecordPayload } from '@app/sync-queue';

export const INVOICE_SYNC: OdooRecordJobKind = {
  kind: JOB_KINDS.invoiceSync,
  model: 'account.move',
  direction: 'odoo_to_exact',
  accepts: (connection) => connection.features.sales || connection.features.purchases,
};

/** What an invoice.sync job carries besides the move's identity, between its attempts. */
export interface InvoiceJobPayload extends OdooRecordPayload {
  /** Queued by a backfill: books moves dated before the connection's start date too. */
  backfill?: boolean;
  /** The Exact document made for this move's PDF, reused by a retry. */
  exactDocumentId?: string;
  /** An entry POST was sent and its outcome is not known yet: look the entry up before posting again. */
  posting?: boolean;
}
