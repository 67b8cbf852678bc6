import { AUDIT_FIELDS, CRUD, EntitySetDefinition, SERVER_FIELDS, fields } from './entity-set';

const HEADER_FIELDS = fields({
  guid: 'EntryID Document',
  string:
    'YourRef Description Currency PaymentCondition PaymentConditionDescription PaymentReference Journal JournalDescription DocumentSubject ExternalLinkReference ExternalLinkDescription StatusDescription TypeDescription',
  number:
    'EntryNumber InvoiceNumber ReportingYear ReportingPeriod Rate Type Status AmountDC AmountFC VATAmountDC VATAmountFC OrderNumber BatchNumber GAccountAmountFC DocumentNumber',
  datetime: 'EntryDate DueDate',
  boolean: 'Reversal',
});

const LINE_FIELDS = fields({
  guid: 'ID EntryID GLAccount Project Asset Subscription',
  string:
    'Description GLAccountCode GLAccountDescription VATCode VATCodeDescription CostCenter CostUnit Notes',
  number:
    'LineNumber AmountFC AmountDC Quantity VATPercentage VATAmountFC VATAmountDC VATBaseAmountFC VATBaseAmountDC Type',
  datetime: 'From To',
});

const ENTRY_SERVER_FIELDS = [
  'EntryID',
  'EntryNumber',
  'AmountDC',
  'VATAmountDC',
  'Status',
  'StatusDescription',
  'JournalDescription',
  'TypeDescription',
  'DocumentNumber',
  'DocumentSubject',
  ...SERVER_FIELDS,
];
const LINE_SERVER_FIELDS = [
  'ID',
  'LineNumber',
  'AmountDC',
  'VATAmountDC',
  'VATBaseAmountDC',
  'GLAccountCode',
  'GLAccountDescription',
  'VATCodeDescription',
  ...SERVER_FIELDS,
];

/** salesentry/SalesEntries: Customer, Journal (the code) and the lines are mandatory; Type 20 entry, 21 credit note. */
export const SALES_ENTRIES: EntitySetDefinition = {
  path: 'salesentry/SalesEntries',
  type: 'Exact.Web.Api.Models.SalesEntry',
  key: 'EntryID',
  methods: CRUD,
  topic: 'FinancialTransactions',
  pageSize: 60,
  mandatoryOnPost: ['Customer', 'Journal', 'SalesEntryLines'],
  serverFields: [...ENTRY_SERVER_FIELDS, 'CustomerName'],
  references: { Customer: 'crm/Accounts', Document: 'documents/Documents' },
  children: { field: 'SalesEntryLines', set: 'salesentry/SalesEntryLines', parentKey: 'EntryID' },
  fields: {
    ...AUDIT_FIELDS,
    ...HEADER_FIELDS,
    ...fields({ guid: 'Customer', string: 'CustomerName', deferred: 'SalesEntryLines' }),
  },
};

export const SALES_ENTRY_LINES: EntitySetDefinition = {
  path: 'salesentry/SalesEntryLines',
  type: 'Exact.Web.Api.Models.SalesEntryLine',
  key: 'ID',
  methods: CRUD,
  pageSize: 60,
  mandatoryOnPost: ['AmountFC', 'GLAccount', 'EntryID'],
  serverFields: LINE_SERVER_FIELDS,
  references: { EntryID: 'salesentry/SalesEntries', GLAccount: 'financial/GLAccounts' },
  fields: { ...AUDIT_FIELDS, ...LINE_FIELDS },
};

/** purchaseentry/PurchaseEntries: Supplier, Journal and the lines are mandatory; Type 30 entry, 31 credit note. */
export const PURCHASE_ENTRIES: EntitySetDefinition = {
  path: 'purchaseentry/PurchaseEntries',
  type: 'Exact.Web.Api.Models.PurchaseEntry',
  key: 'EntryID',
  methods: CRUD,
  topic: 'FinancialTransactions',
  pageSize: 60,
  mandatoryOnPost: ['Supplier', 'Journal', 'PurchaseEntryLines'],
  serverFields: [...ENTRY_SERVER_FIELDS, 'SupplierName'],
  references: { Supplier: 'crm/Accounts', Document: 'documents/Documents' },
  children: {
    field: 'PurchaseEntryLines',
    set: 'purchaseentry/PurchaseEntryLines',
    parentKey: 'EntryID',
  },
  fields: {
    ...AUDIT_FIELDS,
    ...HEADER_FIELDS,
    ...fields({ guid: 'Supplier', string: 'SupplierName', deferred: 'PurchaseEntryLines' }),
  },
};

export const PURCHASE_ENTRY_LINES: EntitySetDefinition = {
  path: 'purchaseentry/PurchaseEntryLines',
  type: 'Exact.Web.Api.Models.PurchaseEntryLine',
  key: 'ID',
  methods: CRUD,
  pageSize: 60,
  mandatoryOnPost: ['AmountFC', 'GLAccount', 'EntryID'],
  serverFields: LINE_SERVER_FIELDS,
  references: { EntryID: 'purchaseentry/PurchaseEntries', GLAccount: 'financial/GLAccounts' },
  fields: {
    ...AUDIT_FIELDS,
    ...LINE_FIELDS,
    ...fields({ number: 'VATNonDeductiblePercentage PrivateUsePercentage', guid: 'Expense' }),
  },
};
