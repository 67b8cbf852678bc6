import type { ExactClient } from '../http/exact-client';
import { EntitySetApi } from './entity-set-api';

/** documents/Documents.Type for invoices (other types per documents/DocumentTypes). */
export const EXACT_DOCUMENT_TYPES = { salesInvoice: 10, purchaseInvoice: 20 } as const;

export interface ExactDocument {
  ID: string;
  Subject: string;
  Type: number;
  Account: string | null;
  DocumentDate: Date | null;
}

export interface ExactDocumentAttachment {
  ID: string;
  Document: string;
  FileName: string;
  FileSize: number;
  Url: string | null;
}

export const documents = new EntitySetApi<
  ExactDocument,
  Partial<Omit<ExactDocument, 'ID' | 'DocumentDate'>> & {
    Subject: string;
    Type: number;
    DocumentDate?: string;
  }
>('documents/Documents', ['ID', 'Subject', 'Type', 'Account', 'DocumentDate']);
export const documentAttachments = new EntitySetApi<
  ExactDocumentAttachment,
  { Document: string; FileName: string; Attachment: string }
>('documents/DocumentAttachments', ['ID', 'Document', 'FileName', 'FileSize', 'Url']);

/** Exact's recipe for a PDF on an entry: a document, its attachment (base64), then the entry's `Document`. */
export async function createDocumentWithFile(
  client: ExactClient,
  document: { Subject: string; Type: number; Account?: string },
  file: { fileName: string; content: Buffer },
): Promise<ExactDocument> {
  const created = await documents.create(client, document);
  await documentAttachments.create(client, {
    Document: created.ID,
    FileName: file.fileName,
    Attachment: file.content.toString('base64'),
  });
  return created;
}
