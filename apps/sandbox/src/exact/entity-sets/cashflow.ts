import { AUDIT_FIELDS, CRUD, EntitySetDefinition, SERVER_FIELDS, fields } from './entity-set';

export const PAYMENT_CONDITIONS: EntitySetDefinition = {
  path: 'cashflow/PaymentConditions',
  type: 'Exact.Web.Api.Models.PaymentCondition',
  key: 'ID',
  methods: CRUD,
  pageSize: 60,
  mandatoryOnPost: ['Code', 'Description'],
  serverFields: ['ID', ...SERVER_FIELDS],
  fields: {
    ...AUDIT_FIELDS,
    ...fields({
      guid: 'ID CreditManagementScenario',
      string: 'Code Description PaymentMethod PaymentDiscountType VATCalculation',
      number: 'PaymentDays PaymentEndOfMonths DiscountPaymentDays DiscountPercentage',
    }),
  },
};

/** Receivable (20) and payable (22) line types of payment terms. */
export const LINE_TYPE = { receivable: 20, payable: 22 } as const;
/** Payment term status: 20 open, 30 selected, 40 processed, 50 matched. */
export const TERM_STATUS = { open: 20, selected: 30, processed: 40, matched: 50 } as const;

const TERM_FIELDS = fields({
  guid: 'ID Account EntryID TransactionEntryID TransactionID GLAccount Document',
  string:
    'AccountCode AccountName Currency Description Journal JournalDescription PaymentCondition PaymentMethod PaymentReference YourRef GLAccountCode',
  number:
    'AmountDC AmountFC RateFC EntryNumber InvoiceNumber LineType Status TransactionAmountDC TransactionAmountFC TransactionType Source Timestamp',
  datetime:
    'DueDate EndDate EntryDate InvoiceDate LastPaymentDate TransactionDueDate Created Modified',
  boolean: 'IsFullyPaid TransactionIsReversal',
});

/**
 * Where the simulator keeps the outstanding items (payment terms) of booked entries; not an Exact
 * endpoint itself — the views below show it. A sales entry makes one receivable term (LineType 20),
 * a purchase entry one payable term (22). A partial payment splits the term: the paid part becomes a
 * matched term (Status 50), the rest stays open (Exact: "a payment can be split … the two records
 * get a different EntryID"); the split model is the simulator's reading, UNCONFIRMED in detail.
 */
export const PAYMENT_TERMS_STORE: EntitySetDefinition = {
  path: 'internal/PaymentTerms',
  type: 'Exact.Web.Api.Models.Sync.Cashflow.PaymentTerm',
  key: 'ID',
  methods: [],
  pageSize: 1000,
  mandatoryOnPost: [],
  serverFields: [],
  fields: { ...TERM_FIELDS, Division: 'number' },
};

/** sync/Cashflow/PaymentTerms: receivables and payables changed since a Timestamp, 1,000 per page. */
export const SYNC_PAYMENT_TERMS: EntitySetDefinition = {
  ...PAYMENT_TERMS_STORE,
  path: 'sync/Cashflow/PaymentTerms',
  methods: ['GET'],
  source: PAYMENT_TERMS_STORE.path,
  filterableFields: ['Timestamp'],
  orderByTimestamp: true,
};

/** cashflow/Receivables: the receivable terms (GET, and PUT to prepare collections). */
export const RECEIVABLES: EntitySetDefinition = {
  path: 'cashflow/Receivables',
  type: 'Exact.Web.Api.Models.Cashflow.Receivable',
  key: 'ID',
  methods: ['GET', 'PUT'],
  pageSize: 60,
  mandatoryOnPost: [],
  serverFields: [
    'ID',
    'Account',
    'AmountDC',
    'AmountFC',
    'EntryID',
    'TransactionEntryID',
    'IsFullyPaid',
    'Status',
    'Division',
  ],
  source: PAYMENT_TERMS_STORE.path,
  sourceFilter: (term) => term.LineType === LINE_TYPE.receivable,
  fields: {
    ...fields({
      guid: 'ID Account EntryID TransactionEntryID TransactionID',
      string: 'AccountCode Currency Journal PaymentMethod PaymentReference YourRef Description',
      number:
        'AmountDC AmountFC EntryNumber InvoiceNumber Status TransactionAmountDC TransactionAmountFC Division',
      datetime: 'DueDate EntryDate InvoiceDate LastPaymentDate EndDate',
      boolean: 'IsFullyPaid',
    }),
  },
};
