import { EXACT_DOCUMENT_TYPES, ExactClient, createDocumentWithFile } from '@app/exact-client';
import {
  OdooClient,
  OdooMove,
  OdooPdf,
  fetchInvoicePdf,
  fetchMainAttachment,
} from '@app/odoo-client';
import { Injectable } from '@nestjs/common';
import type { EntryKind } from './move-entry.mapper';

/**
 * The PDF of a move as an Exact document (documents/Documents + DocumentAttachments): the invoice
 * as Odoo prints it, or for a bill the supplier's own PDF (the move's main attachment) when there is
 * one. Two Exact calls.
 */
@Injectable()
export class InvoiceDocuments {
  async create(
    odoo: OdooClient,
    exact: ExactClient,
    move: OdooMove,
    kind: EntryKind,
    partyAccountId: string,
  ): Promise<string | null> {
    const pdf = await this.pdfOf(odoo, move, kind);
    if (!pdf) return null;
    const document = await createDocumentWithFile(
      exact,
      {
        Subject: kind.set === 'sales' ? move.name : `${move.ref ?? move.name} (${move.name})`,
        Type:
          kind.set === 'sales'
            ? EXACT_DOCUMENT_TYPES.salesInvoice
            : EXACT_DOCUMENT_TYPES.purchaseInvoice,
        Account: partyAccountId,
      },
      { fileName: pdf.fileName, content: pdf.content },
    );
    return document.ID;
  }

  private async pdfOf(odoo: OdooClient, move: OdooMove, kind: EntryKind): Promise<OdooPdf | null> {
    if (kind.set === 'purchase') {
      const own = await fetchMainAttachment(odoo, move.id);
      if (own) return own;
      // A bill entered by hand has no PDF of its own; Odoo prints none for bills either.
      return null;
    }
    return fetchInvoicePdf(odoo, move.id, move.name);
  }
}
