import { AUDIT_FIELDS, CRUD, EntitySetDefinition, SERVER_FIELDS, fields } from './entity-set';

/** documents/Documents: Type 10 sales invoice, 20 purchase invoice (others per documents/DocumentTypes). */
export const DOCUMENTS: EntitySetDefinition = {
  path: 'documents/Documents',
  type: 'Exact.Web.Api.Models.Documents.Document',
  key: 'ID',
  methods: CRUD,
  topic: 'Documents',
  pageSize: 60,
  mandatoryOnPost: ['Subject', 'Type'],
  serverFields: ['ID', 'HID', 'TypeDescription', ...SERVER_FIELDS],
  references: { Account: 'crm/Accounts' },
  fields: {
    ...AUDIT_FIELDS,
    ...fields({
      guid: 'ID Account Category FinancialTransactionEntryID',
      string: 'Subject TypeDescription Currency Body',
      number: 'Type HID AmountFC',
      datetime: 'DocumentDate',
      deferred: 'Attachments',
    }),
  },
};

/** documents/DocumentAttachments: base64 file content; GET, POST and DELETE only. */
export const DOCUMENT_ATTACHMENTS: EntitySetDefinition = {
  path: 'documents/DocumentAttachments',
  type: 'Exact.Web.Api.Models.Documents.DocumentAttachment',
  key: 'ID',
  methods: ['GET', 'POST', 'DELETE'],
  pageSize: 60,
  mandatoryOnPost: ['Attachment', 'Document', 'FileName'],
  serverFields: ['ID', 'FileSize', 'Url', ...SERVER_FIELDS],
  references: { Document: 'documents/Documents' },
  writeOnlyFields: ['Attachment'],
  fields: {
    ...AUDIT_FIELDS,
    ...fields({ guid: 'ID Document', string: 'Attachment FileName Url', number: 'FileSize' }),
  },
};
