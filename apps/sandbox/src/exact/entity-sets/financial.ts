import { AUDIT_FIELDS, CRUD, EntitySetDefinition, SERVER_FIELDS, fields } from './entity-set';

/** Journal types (financial/Journals.Type). */
export const JOURNAL_TYPE = {
  cash: 10,
  bank: 12,
  paymentService: 16,
  sales: 20,
  returnInvoice: 21,
  purchase: 22,
  receivedReturnInvoice: 23,
  general: 90,
} as const;

/** G/L account types the entry rules look at (financial/GLAccounts.Type). */
export const GL_TYPE = {
  cash: 10,
  bank: 12,
  receivable: 20,
  payable: 22,
  vat: 24,
  revenue: 110,
  costOfGoods: 111,
  otherCosts: 120,
} as const;

export const JOURNALS: EntitySetDefinition = {
  path: 'financial/Journals',
  type: 'Exact.Web.Api.Models.Journal',
  key: 'ID',
  methods: CRUD,
  pageSize: 60,
  mandatoryOnPost: ['Code', 'Description', 'Type'],
  serverFields: ['ID', ...SERVER_FIELDS],
  references: { GLAccount: 'financial/GLAccounts' },
  fields: {
    ...AUDIT_FIELDS,
    ...fields({
      guid: 'ID GLAccount',
      string:
        'Code Description Currency CurrencyDescription GLAccountCode GLAccountDescription BankAccountIBAN TypeDescription',
      number: 'Type',
      boolean: 'AllowVariableCurrency AllowVAT IsBlocked',
    }),
  },
};

/** Field list of a published financial/GLAccounts response. */
export const GL_ACCOUNTS: EntitySetDefinition = {
  path: 'financial/GLAccounts',
  type: 'Exact.Web.Api.Models.GLAccount',
  key: 'ID',
  methods: CRUD,
  topic: 'GLAccounts',
  pageSize: 60,
  mandatoryOnPost: ['Code', 'Description'],
  serverFields: ['ID', 'TypeDescription', ...SERVER_FIELDS],
  fields: {
    ...AUDIT_FIELDS,
    ...fields({
      guid: 'ID PrivateGLAccount VATNonDeductibleGLAccount YearEndCostGLAccount YearEndReflectionGLAccount',
      string:
        'BalanceSide BalanceType Code Costcenter CostcenterDescription Costunit CostunitDescription Description ReportingCode SearchCode TypeDescription VATCode VATDescription VATGLAccountType',
      number:
        'BelcotaxType ExcludeVATListing ExpenseNonDeductiblePercentage PrivatePercentage Type UseCostcenter UseCostunit VATNonDeductiblePercentage',
      boolean: 'Compress IsBlocked Matching RevalueCurrency',
    }),
  },
};

/**
 * vat/VATCodes. Codes are division-specific strings, stored padded to 3 characters the way clients
 * have seen them ('2  '); Percentage is a fraction (0.21). Both are UNCONFIRMED as documented rules:
 * compare codes trimmed and accept either percentage form.
 */
export const VAT_CODES: EntitySetDefinition = {
  path: 'vat/VATCodes',
  type: 'Exact.Web.Api.Models.VATCode',
  key: 'ID',
  methods: CRUD,
  pageSize: 60,
  mandatoryOnPost: ['Code', 'Description'],
  serverFields: ['ID', ...SERVER_FIELDS],
  references: { GLToPay: 'financial/GLAccounts', GLToClaim: 'financial/GLAccounts' },
  fields: {
    ...AUDIT_FIELDS,
    ...fields({
      guid: 'ID GLToPay GLToClaim',
      string: 'Code Description Type VATTransactionType EUSalesListing LegalText Country',
      number: 'Percentage CalculationBasis',
      boolean: 'Charged IsBlocked IntraStat',
    }),
  },
};
