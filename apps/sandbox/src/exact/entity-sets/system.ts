import { CRUD, EntitySetDefinition, fields } from './entity-set';

/** system/Divisions: the divisions the signed-in user granted; key `Code` (Int32). */
export const DIVISIONS: EntitySetDefinition = {
  path: 'system/Divisions',
  type: 'Exact.Web.Api.Models.System.Division',
  key: 'Code',
  methods: ['GET'],
  pageSize: 60,
  mandatoryOnPost: [],
  serverFields: [],
  fields: fields({
    number: 'Code HID Status BlockingStatus',
    string:
      'Description Country Currency CustomerCode CustomerName VATNumber ChamberOfCommerceNumber Legislation',
    boolean: 'Current IsMainDivision',
    datetime: 'DivisionMoveDate DivisionHRLinkUnlinkDate',
  }),
};

export const WEBHOOK_TOPICS = [
  'Accounts',
  'BankAccounts',
  'Contacts',
  'CostTransactions',
  'Documents',
  'FinancialTransactions',
  'GLAccounts',
  'GoodsDeliveries',
  'Items',
  'PurchaseOrders',
  'Quotations',
  'SalesInvoices',
  'SalesOrders',
  'StockPositions',
  'TimeTransactions',
];

/** webhooks/WebhookSubscriptions: CallbackURL and Topic mandatory; Exact POSTs to the callback on subscribing. */
export const WEBHOOK_SUBSCRIPTIONS: EntitySetDefinition = {
  path: 'webhooks/WebhookSubscriptions',
  type: 'Exact.Web.Api.Models.Webhooks.WebhookSubscription',
  key: 'ID',
  methods: CRUD,
  pageSize: 60,
  mandatoryOnPost: ['CallbackURL', 'Topic'],
  serverFields: ['ID', 'ClientID', 'UserID', 'Division', 'Created', 'Creator'],
  fields: fields({
    guid: 'ID ClientID UserID Creator',
    string: 'CallbackURL Topic Description',
    number: 'Division',
    boolean: 'IsInstant',
    datetime: 'Created',
  }),
};
