import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OdooAccounting } from './odoo-accounting.service';
import { OdooOrm } from './odoo-orm.service';

/** Odoo's customer portal route for an invoice: with its access token, the PDF without a session. */
@Controller('my/invoices')
export class OdooPortalController {
  constructor(
    private readonly orm: OdooOrm,
    private readonly accounting: OdooAccounting,
  ) {}

  @Get(':id')
  invoice(
    @Param('id') id: string,
    @Query() query: Record<string, string | undefined>,
    @Res() response: Response,
  ): void {
    const move = this.orm.get('account.move', Number(id));
    if (!move || !move.access_token || query.access_token !== move.access_token) {
      // Odoo sends an unauthorised visitor to the login page.
      response.redirect(303, '/web/login');
      return;
    }
    if (query.report_type !== 'pdf') {
      response.type('text/html').send(`<html><body><h1>${move.name}</h1></body></html>`);
      return;
    }
    const pdf = this.accounting.pdfOf(move.id);
    response
      .type('application/pdf')
      .set(
        'Content-Disposition',
        `${query.download === 'true' ? 'attachment' : 'inline'}; filename="${String(move.name).replace(/\//g, '_')}.pdf"`,
      )
      .send(pdf);
  }
}
