import { recordRemoteCall } from '@app/common';
import type { OdooClient } from '../rpc/odoo-client';
import type { OdooValue } from '../rpc/odoo-domain-types';
import { OdooError } from '../rpc/odoo-errors';

export interface OdooPdf {
  fileName: string;
  content: Buffer;
  /** Where it came from: the 17+ field, a stored attachment, or the portal download. */
  source: 'invoice_pdf_report_file' | 'attachment' | 'portal';
}

/**
 * The invoice's PDF as Odoo prints it:
 * - 17+: the `invoice_pdf_report_file` field (filled once the invoice was sent or printed);
 * - up to 16: the attachment printing stored on the invoice (`INV_2026_0001.pdf`);
 * - otherwise: the customer-portal download (`get_portal_url` + its access token), since rendering
 *   the report over RPC is private from 14 on.
 */
export async function fetchInvoicePdf(
  client: OdooClient,
  moveId: number,
  moveName: string,
): Promise<OdooPdf> {
  const adapter = await client.adapter();
  const fileName = `${moveName.replace(/\//g, '_')}.pdf`;
  if (adapter.hasInvoicePdfField) {
    const [row] = await client.rpc.executeKw<{ invoice_pdf_report_file: OdooValue<string> }[]>(
      'account.move',
      'read',
      [[moveId]],
      {
        fields: ['invoice_pdf_report_file'],
      },
    );
    if (row?.invoice_pdf_report_file)
      return {
        fileName,
        content: Buffer.from(row.invoice_pdf_report_file, 'base64'),
        source: 'invoice_pdf_report_file',
      };
  }
  const [attachment] = await client.rpc.executeKw<{ name: string; datas: OdooValue<string> }[]>(
    'ir.attachment',
    'search_read',
    [
      [
        ['res_model', '=', 'account.move'],
        ['res_id', '=', moveId],
        ['mimetype', '=', 'application/pdf'],
      ],
    ],
    { fields: ['name', 'datas'], order: 'id desc', limit: 1 },
  );
  if (attachment?.datas)
    return {
      fileName: attachment.name || fileName,
      content: Buffer.from(attachment.datas, 'base64'),
      source: 'attachment',
    };
  return { fileName, content: await downloadFromPortal(client, moveId), source: 'portal' };
}

/** A vendor bill's own PDF: the move's main attachment (what the supplier sent), or null. */
export async function fetchMainAttachment(
  client: OdooClient,
  moveId: number,
): Promise<OdooPdf | null> {
  const [move] = await client.rpc.executeKw<
    { message_main_attachment_id: [number, string] | false }[]
  >('account.move', 'read', [[moveId]], {
    fields: ['message_main_attachment_id'],
  });
  if (!move?.message_main_attachment_id) return null;
  const [attachment] = await client.rpc.executeKw<
    { name: string; datas: OdooValue<string>; mimetype: OdooValue<string> }[]
  >('ir.attachment', 'read', [[move.message_main_attachment_id[0]]], {
    fields: ['name', 'datas', 'mimetype'],
  });
  if (!attachment?.datas) return null;
  return {
    fileName: attachment.name,
    content: Buffer.from(attachment.datas, 'base64'),
    source: 'attachment',
  };
}

async function downloadFromPortal(client: OdooClient, moveId: number): Promise<Buffer> {
  const path = await client.rpc.executeKw<string>('account.move', 'get_portal_url', [[moveId]], {
    report_type: 'pdf',
    download: true,
  });
  const started = Date.now();
  const response = await fetch(new URL(path, client.baseUrl), {
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  recordRemoteCall({
    system: 'odoo',
    method: 'GET',
    target: 'portal invoice PDF',
    status: response.status,
    durationMs: Date.now() - started,
  });
  const type = response.headers.get('content-type') ?? '';
  // A login page instead of a PDF means the portal refused the token.
  if (!response.ok || !type.includes('application/pdf'))
    throw new OdooError(
      `the Odoo portal did not give the PDF of account.move ${moveId} (HTTP ${response.status}, ${type || 'no type'})`,
      response.status >= 500,
    );
  return Buffer.from(await response.arrayBuffer());
}
