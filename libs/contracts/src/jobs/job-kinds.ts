/**
 * Sync job kinds. The part before the first dot says which service runs them (its queue is bound
 * to `sync.job.ready.<prefix>.#`).
 */
export const JOB_KINDS = {
  /** Create or update the Exact account of an Odoo partner. */
  contactSync: 'contact.sync',
  /** Create or update the Odoo partner of an Exact account (initial sync with Exact as master). */
  contactImport: 'contact.import',
  /** Book an Odoo invoice, credit note, bill or refund as an Exact sales or purchase entry. */
  invoiceSync: 'invoice.sync',
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];
