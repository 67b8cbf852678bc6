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
  /** Read a connection's payment terms changed in Exact since the last poll. */
  paymentPoll: 'payment.poll',
  /** Bring one invoice's payments in Odoo in line with its terms in Exact. */
  paymentApply: 'payment.apply',
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];
