import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { OdooEvents } from './odoo-events.service';
import { OdooException, userError, valueError } from './odoo-errors';
import { OdooContext, OdooOrm, OdooRecord } from './odoo-orm.service';
import { invoicePdf } from './odoo-pdf';

const INVOICE_TYPES = ['out_invoice', 'out_refund', 'in_invoice', 'in_refund'];
const isSale = (move: OdooRecord) => String(move.move_type).startsWith('out_');
const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/**
 * The accounting behaviour the connector relies on: invoice lines, taxes and totals; posting
 * (numbers, the payment reference, the PDF); cancelling; and registering payments the way each
 * version does it (13: `create_payments` or a posted account.payment; 14+: the
 * `account.payment.register` wizard with `action_create_payments`), lowering `amount_residual` and
 * moving the payment state.
 */
@Injectable()
export class OdooAccounting implements OnModuleInit {
  private recomputing = false;

  constructor(
    private readonly orm: OdooOrm,
    private readonly events: OdooEvents,
  ) {}

  onModuleInit(): void {
    this.orm.onChange((change) => {
      if (this.recomputing) return;
      if (change.model === 'account.move') change.ids.forEach((id) => this.recompute(id));
      if (change.model === 'account.move.line') {
        for (const id of change.ids) {
          const line = this.orm.get('account.move.line', id);
          if (line && typeof line.move_id === 'number') this.recompute(line.move_id);
        }
      }
    });
  }

  /** Business methods reachable over RPC; undefined when the method is not one of them. */
  call(
    model: string,
    method: string,
    ids: number[],
    args: unknown[],
    kwargs: Record<string, unknown>,
    context: OdooContext,
  ): unknown {
    const key = `${model}.${method}`;
    const version = this.orm.version;
    switch (key) {
      case 'account.move.action_post':
        ids.forEach((id) => this.post(id));
        return false;
      case 'account.move.post':
        if (version > 13) return undefined;
        ids.forEach((id) => this.post(id));
        return true;
      case 'account.move.button_draft':
        ids.forEach((id) => this.resetToDraft(id));
        return false;
      case 'account.move.button_cancel':
        ids.forEach((id) => this.cancel(id));
        return false;
      case 'account.move.get_portal_url':
        return this.portalUrl(ids[0], kwargs);
      case 'account.payment.register.create_payments':
        return version === 13 ? this.createPayments13(ids[0]) : undefined;
      case 'account.payment.register.action_create_payments':
        return version >= 14 ? this.actionCreatePayments(ids[0], context) : undefined;
      case 'account.payment.post':
        if (version > 13) return undefined;
        ids.forEach((id) => this.postPayment(id));
        return true;
      case 'account.payment.action_post':
        ids.forEach((id) => this.postPayment(id));
        return false;
      default:
        return undefined;
    }
  }

  /** Creating the payment wizard takes its invoices from the context, as `default_get` does. */
  createWizard(values: Record<string, unknown>, context: OdooContext): number {
    if (context.active_model !== 'account.move' && context.active_model !== 'account.move.line') {
      throw userError(
        'The register payment wizard should only be called on account.move or account.move.line records.',
      );
    }
    const moveIds =
      context.active_model === 'account.move'
        ? (context.active_ids ?? [])
        : this.movesOfLines(context.active_ids ?? []);
    const moves = moveIds.map((id) => this.move(id));
    for (const move of moves) {
      if (move.state !== 'posted')
        throw userError('You can only register payment for posted journal entries.');
    }
    if (moves.every((move) => Number(move.amount_residual) <= 0)) {
      throw userError(
        "You can't register a payment because there is nothing left to pay on the selected journal items.",
      );
    }
    if (new Set(moves.map((move) => isSale(move))).size > 1)
      throw userError(
        "You can't register payments for both inbound and outbound moves at the same time.",
      );
    if (new Set(moves.map((move) => move.company_id)).size > 1)
      throw userError("You can't create payments for entries belonging to different companies.");
    const first = moves[0];
    const journal = this.orm
      .all('account.journal')
      .find((j) => j.company_id === first.company_id && (j.type === 'bank' || j.type === 'cash'));
    const defaults: Record<string, unknown> = {
      payment_date: this.orm.today(),
      journal_id: journal?.id ?? false,
    };
    if (this.orm.version === 13) {
      defaults.invoice_ids = moveIds;
      defaults.payment_method_id = this.paymentMethod(isSale(first) ? 'inbound' : 'outbound').id;
    } else {
      defaults.amount = round2(moves.reduce((sum, move) => sum + Number(move.amount_residual), 0));
      defaults.communication = first.payment_reference || first.ref || first.name;
      defaults.line_ids = moves.flatMap((move) => this.termLines(move.id).map((line) => line.id));
      if (this.orm.version === 14)
        defaults.payment_method_id = this.paymentMethod(isSale(first) ? 'inbound' : 'outbound').id;
    }
    const id = this.orm.create('account.payment.register', { ...defaults, ...values }, context);
    if (this.orm.version >= 15) {
      const wizard = this.orm.get('account.payment.register', id)!;
      if (!wizard.payment_method_line_id) {
        const line = this.methodLine(
          Number(wizard.journal_id),
          isSale(first) ? 'inbound' : 'outbound',
        );
        if (line)
          this.orm.rawUpdate('account.payment.register', id, { payment_method_line_id: line.id });
      }
    }
    return id;
  }

  /** Recomputes an invoice's lines, taxes, totals and open amount from its product lines. */
  recompute(moveId: number): void {
    const move = this.orm.get('account.move', moveId);
    if (!move || !INVOICE_TYPES.includes(String(move.move_type)) || move.state !== 'draft') return;
    this.recomputing = true;
    try {
      // Company and currency follow the journal when not given, as Odoo's defaults do.
      const journal =
        typeof move.journal_id === 'number'
          ? this.orm.get('account.journal', move.journal_id)
          : undefined;
      if (!move.company_id && journal)
        this.orm.rawUpdate('account.move', moveId, { company_id: journal.company_id });
      if (!move.currency_id && move.company_id) {
        this.orm.rawUpdate('account.move', moveId, {
          currency_id: this.orm.get('res.company', Number(move.company_id))?.currency_id ?? false,
        });
      }
      const lines = this.orm.all('account.move.line').filter((line) => line.move_id === moveId);
      for (const line of lines.filter(
        (l) => l.display_type === 'tax' || l.display_type === 'payment_term',
      ))
        this.orm.rawDelete('account.move.line', line.id);
      const sale = isSale(move);
      const refund = String(move.move_type).endsWith('_refund');
      const sign = (sale ? -1 : 1) * (refund ? -1 : 1); // balance of product lines: credit for sales invoices
      const taxes = new Map<number, number>();
      let untaxed = 0;
      for (const line of lines.filter((l) => l.display_type === 'product')) {
        const subtotal = round2(
          Number(line.quantity) * Number(line.price_unit) * (1 - Number(line.discount) / 100),
        );
        let lineTax = 0;
        for (const taxId of (line.tax_ids as number[]) ?? []) {
          const tax = this.orm.get('account.tax', taxId)!;
          const amount =
            tax.amount_type === 'percent'
              ? round2((subtotal * Number(tax.amount)) / 100)
              : round2(Number(tax.amount) * Number(line.quantity));
          taxes.set(taxId, round2((taxes.get(taxId) ?? 0) + amount));
          lineTax += amount;
        }
        untaxed = round2(untaxed + subtotal);
        const account = line.account_id || this.defaultAccount(move);
        this.orm.rawUpdate('account.move.line', line.id, {
          price_subtotal: subtotal,
          price_total: round2(subtotal + lineTax),
          account_id: account,
          partner_id: move.partner_id,
          currency_id: move.currency_id,
          ...debitCredit(sign * subtotal),
        });
      }
      const taxTotal = round2([...taxes.values()].reduce((sum, amount) => sum + amount, 0));
      for (const [taxId, amount] of taxes) {
        const tax = this.orm.get('account.tax', taxId)!;
        this.orm.rawCreate('account.move.line', {
          move_id: moveId,
          name: tax.name,
          display_type: 'tax',
          account_id: this.accountOfType(
            move.company_id,
            sale ? 'liability_current' : 'asset_current',
          ),
          price_subtotal: amount,
          ...debitCredit(sign * amount),
        });
      }
      const total = round2(untaxed + taxTotal);
      this.orm.rawCreate('account.move.line', {
        move_id: moveId,
        name: move.payment_reference || '',
        display_type: 'payment_term',
        account_id: this.accountOfType(
          move.company_id,
          sale ? 'asset_receivable' : 'liability_payable',
        ),
        partner_id: move.partner_id,
        amount_residual: total,
        ...debitCredit(-sign * total),
      });
      const partner =
        typeof move.partner_id === 'number'
          ? this.orm.get('res.partner', move.partner_id)
          : undefined;
      // The _signed amounts are in the company's currency, negative for credit notes and bills.
      const company =
        typeof move.company_id === 'number'
          ? this.orm.get('res.company', move.company_id)
          : undefined;
      const currency =
        typeof move.currency_id === 'number'
          ? this.orm.get('res.currency', move.currency_id)
          : undefined;
      const rate = Number(currency?.rate ?? 1) || 1;
      const signed = (amount: number) =>
        round2(
          (['out_refund', 'in_invoice', 'in_receipt'].includes(String(move.move_type)) ? -1 : 1) *
            (amount / rate),
        );
      this.orm.rawUpdate('account.move', moveId, {
        amount_untaxed: untaxed,
        amount_tax: taxTotal,
        amount_total: total,
        amount_untaxed_signed: signed(untaxed),
        amount_tax_signed: signed(taxTotal),
        amount_total_signed: signed(total),
        company_currency_id: company?.currency_id ?? false,
        amount_residual: total,
        commercial_partner_id: partner ? this.commercialPartner(partner).id : false,
      });
    } finally {
      this.recomputing = false;
    }
  }

  private post(moveId: number): void {
    const move = this.move(moveId);
    if (move.state !== 'draft')
      throw userError('The entry is not in draft mode, it cannot be posted.');
    const invoice = INVOICE_TYPES.includes(String(move.move_type));
    if (invoice && !move.partner_id)
      throw userError(
        'The field Customer/Vendor is required, please complete it to validate the invoice.',
      );
    const productLines = this.orm
      .all('account.move.line')
      .filter((l) => l.move_id === moveId && l.display_type === 'product');
    if (invoice && productLines.length === 0)
      throw userError('You need to add a line before posting.');
    const invoiceDate = move.invoice_date || this.orm.today();
    const journal = this.orm.get('account.journal', Number(move.journal_id))!;
    const year = String(invoiceDate).slice(0, 4);
    const refund = String(move.move_type).endsWith('_refund');
    const prefix = `${refund ? 'R' : ''}${journal.code}`;
    const sequence =
      this.orm
        .all('account.move')
        .filter((m) => m.state === 'posted' && String(m.name).startsWith(`${prefix}/${year}/`))
        .length + 1;
    const name =
      move.name && move.name !== '/'
        ? move.name
        : `${prefix}/${year}/${String(sequence).padStart(this.orm.version === 13 ? 4 : 5, '0')}`;
    const values: Record<string, unknown> = {
      state: 'posted',
      name,
      invoice_date: invoiceDate,
      date: move.date || invoiceDate,
      posted_before: true,
      payment_state: 'not_paid',
    };
    if (!move.invoice_date_due) values.invoice_date_due = this.dueDate(move, String(invoiceDate));
    if (isSale(move) && !move.payment_reference)
      values.payment_reference = this.paymentReference({ ...move, ...values }, journal);
    this.orm.rawUpdate('account.move', moveId, values);
    if (isSale(move)) this.storePdf(moveId);
    this.events.recordMoveEvent('posted', this.move(moveId));
  }

  private resetToDraft(moveId: number): void {
    const move = this.move(moveId);
    if (Number(move.amount_residual) < Number(move.amount_total))
      throw userError('You cannot reset to draft an entry having a payment: unreconcile it first.');
    this.orm.rawUpdate('account.move', moveId, { state: 'draft' });
  }

  private cancel(moveId: number): void {
    const move = this.move(moveId);
    if (this.orm.version >= 14 && move.state !== 'draft')
      throw userError('Only draft journal entries can be cancelled.');
    if (Number(move.amount_residual) < Number(move.amount_total) && move.state === 'posted')
      throw userError('You cannot cancel an entry having a payment.');
    this.orm.rawUpdate('account.move', moveId, { state: 'cancel' });
    this.events.recordMoveEvent('cancelled', this.move(moveId));
  }

  /** Belgian journals (`be` model) give the structured communication +++ddd/dddd/dddcc+++; others the number. */
  private paymentReference(move: OdooRecord, journal: OdooRecord): string {
    if (journal.invoice_reference_model !== 'be') return String(move.name);
    const partner = this.orm.get('res.partner', Number(move.partner_id));
    const digits =
      journal.invoice_reference_type === 'partner'
        ? (String(partner?.ref || partner?.id).replace(/\D/g, '') || String(partner?.id)).slice(-10)
        : String(move.id);
    const base = digits.padStart(10, '0');
    const check = Number(BigInt(base) % 97n) || 97;
    const all = `${base}${String(check).padStart(2, '0')}`;
    return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
  }

  private dueDate(move: OdooRecord, invoiceDate: string): string {
    const term =
      typeof move.invoice_payment_term_id === 'number' ? move.invoice_payment_term_id : null;
    const days = term
      ? Math.max(
          0,
          ...this.orm
            .all('account.payment.term.line')
            .filter((l) => l.payment_id === term)
            .map((l) => Number(l.nb_days ?? 0)),
        )
      : 0;
    return new Date(Date.parse(`${invoiceDate}T00:00:00Z`) + days * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }

  /** The printed invoice: ≤16 an attachment named like the number; 17 the invoice_pdf_report_file field. */
  private storePdf(moveId: number): void {
    const datas = this.pdfOf(moveId).toString('base64');
    const move = this.move(moveId);
    const name = `${String(move.name).replace(/\//g, '_')}.pdf`;
    if (this.orm.version >= 17) {
      const attachment = this.orm.rawCreate('ir.attachment', {
        name,
        res_model: 'account.move',
        res_id: moveId,
        res_field: 'invoice_pdf_report_file',
        mimetype: 'application/pdf',
        datas,
      });
      this.orm.rawUpdate('account.move', moveId, {
        invoice_pdf_report_file: datas,
        invoice_pdf_report_id: attachment.id,
        message_main_attachment_id: attachment.id,
      });
    } else {
      const attachment = this.orm.rawCreate('ir.attachment', {
        name,
        res_model: 'account.move',
        res_id: moveId,
        mimetype: 'application/pdf',
        datas,
      });
      this.orm.rawUpdate('account.move', moveId, { message_main_attachment_id: attachment.id });
    }
  }

  pdfOf(moveId: number): Buffer {
    const move = this.move(moveId);
    const partner = this.orm.get('res.partner', Number(move.partner_id));
    return invoicePdf(String(move.name), [
      `Customer: ${partner?.name ?? ''}`,
      `Date: ${move.invoice_date}   Due: ${move.invoice_date_due}`,
      `Untaxed: ${Number(move.amount_untaxed).toFixed(2)}   Tax: ${Number(move.amount_tax).toFixed(2)}   Total: ${Number(move.amount_total).toFixed(2)}`,
      `Payment reference: ${move.payment_reference || ''}`,
    ]);
  }

  /** The portal link of an invoice, with an access token that lets anyone holding it download the PDF. */
  private portalUrl(moveId: number, kwargs: Record<string, unknown>): string {
    const move = this.move(moveId);
    let token = move.access_token as string | false;
    if (!token) {
      token = randomBytes(16).toString('hex');
      this.orm.rawUpdate('account.move', moveId, { access_token: token });
    }
    const params = new URLSearchParams({ access_token: token });
    if (kwargs.report_type) params.set('report_type', String(kwargs.report_type));
    if (kwargs.download) params.set('download', 'true');
    return `/my/invoices/${moveId}?${params}`;
  }

  /** 13: the wizard pays the whole open amount of each invoice. */
  private createPayments13(wizardId: number) {
    const wizard = this.orm.get('account.payment.register', wizardId)!;
    const paymentIds = ((wizard.invoice_ids as number[]) ?? []).map((invoiceId) => {
      const invoice = this.move(invoiceId);
      const id = this.newPayment(
        invoice,
        Number(invoice.amount_residual),
        wizard,
        String(invoice.payment_reference || invoice.ref || invoice.name),
      );
      this.reconcile(invoice, Number(invoice.amount_residual), id);
      return id;
    });
    return actWindow(paymentIds);
  }

  /** 14+: one payment for the wizard's amount, reconciled with the invoice. */
  private actionCreatePayments(wizardId: number, context: OdooContext) {
    const wizard = this.orm.get('account.payment.register', wizardId)!;
    const journal = this.orm.get('account.journal', Number(wizard.journal_id));
    if (!journal || !['bank', 'cash'].includes(String(journal.type)))
      throw userError('The journal of a payment must be a bank or cash journal.');
    const moveIds = [
      ...new Set(
        ((wizard.line_ids as number[]) ?? []).map(
          (lineId) => this.orm.get('account.move.line', lineId)!.move_id as number,
        ),
      ),
    ];
    if (moveIds.length === 0)
      throw userError(
        "You can't register a payment because there is nothing left to pay on the selected journal items.",
      );
    let remaining = Number(wizard.amount);
    const invoice = this.move(moveIds[0]);
    const id = this.newPayment(invoice, remaining, wizard, String(wizard.communication || ''));
    for (const moveId of moveIds) {
      const move = this.move(moveId);
      const applied = Math.min(remaining, Number(move.amount_residual));
      this.reconcile(move, applied, id);
      remaining = round2(remaining - applied);
    }
    return context.dont_redirect_to_payments ? true : actWindow([id]);
  }

  private newPayment(
    invoice: OdooRecord,
    amount: number,
    wizard: OdooRecord,
    memo: string,
  ): number {
    const sale = isSale(invoice);
    const refund = String(invoice.move_type).endsWith('_refund');
    const journal = this.orm.get('account.journal', Number(wizard.journal_id))!;
    const count =
      this.orm.all('account.payment').filter((p) => p.journal_id === journal.id).length + 1;
    const year = String(wizard.payment_date || this.orm.today()).slice(0, 4);
    const payment = this.orm.rawCreate('account.payment', {
      name: `P${journal.code}/${year}/${String(count).padStart(5, '0')}`,
      state: 'posted',
      payment_type: sale !== refund ? 'inbound' : 'outbound',
      partner_type: sale ? 'customer' : 'supplier',
      partner_id: invoice.commercial_partner_id || invoice.partner_id,
      amount: round2(amount),
      currency_id: invoice.currency_id,
      journal_id: journal.id,
      company_id: invoice.company_id,
      date: wizard.payment_date || this.orm.today(),
      ref: memo,
      payment_method_id: wizard.payment_method_id || false,
      payment_method_line_id: wizard.payment_method_line_id || false,
      invoice_ids: [],
    });
    return payment.id;
  }

  /** 13: an account.payment created with invoice_ids and posted pays (part of) those invoices. */
  private postPayment(paymentId: number): void {
    const payment = this.orm.get('account.payment', paymentId)!;
    if (payment.state !== 'draft') throw userError('Only a draft payment can be posted.');
    const journal = this.orm.get('account.journal', Number(payment.journal_id));
    if (!journal || !['bank', 'cash'].includes(String(journal.type)))
      throw userError('The journal of a payment must be a bank or cash journal.');
    const count =
      this.orm
        .all('account.payment')
        .filter((p) => p.journal_id === journal.id && p.state === 'posted').length + 1;
    this.orm.rawUpdate('account.payment', paymentId, {
      state: 'posted',
      name: `P${journal.code}/${String(payment.date || this.orm.today()).slice(0, 4)}/${String(count).padStart(5, '0')}`,
    });
    let remaining = Number(payment.amount);
    const invoices = [...((payment.invoice_ids as number[]) ?? [])];
    this.orm.rawUpdate('account.payment', paymentId, { invoice_ids: [] });
    for (const invoiceId of invoices) {
      const invoice = this.move(invoiceId);
      const applied = Math.min(remaining, Number(invoice.amount_residual));
      this.reconcile(invoice, applied, paymentId);
      remaining = round2(remaining - applied);
    }
  }

  private reconcile(invoice: OdooRecord, amount: number, paymentId: number): void {
    if (amount <= 0) return;
    const residual = round2(Number(invoice.amount_residual) - amount);
    this.orm.rawUpdate('account.move', invoice.id, {
      amount_residual: residual,
      payment_state: residual <= 0 ? 'paid' : 'partial',
    });
    for (const line of this.termLines(invoice.id))
      this.orm.rawUpdate('account.move.line', line.id, { amount_residual: residual });
    const payment = this.orm.get('account.payment', paymentId)!;
    const linked = (payment.invoice_ids as number[]) ?? [];
    if (!linked.includes(invoice.id))
      this.orm.rawUpdate('account.payment', paymentId, { invoice_ids: [...linked, invoice.id] });
    this.events.recordMoveEvent('updated', this.move(invoice.id));
  }

  private move(id: number): OdooRecord {
    const move = this.orm.get('account.move', id);
    if (!move)
      throw new OdooException(
        'odoo.exceptions.MissingError',
        `Record does not exist or has been deleted.\n(Record: account.move(${id},), User: 2)`,
      );
    return move;
  }

  private termLines(moveId: number): OdooRecord[] {
    return this.orm
      .all('account.move.line')
      .filter((line) => line.move_id === moveId && line.display_type === 'payment_term');
  }

  private movesOfLines(lineIds: number[]): number[] {
    return [
      ...new Set(
        lineIds
          .map((id) => this.orm.get('account.move.line', id)?.move_id as number)
          .filter(Boolean),
      ),
    ];
  }

  private paymentMethod(direction: 'inbound' | 'outbound'): OdooRecord {
    const method = this.orm
      .all('account.payment.method')
      .find((m) => m.code === 'manual' && m.payment_type === direction);
    if (!method) throw valueError(`no manual ${direction} payment method`);
    return method;
  }

  private methodLine(journalId: number, direction: 'inbound' | 'outbound'): OdooRecord | undefined {
    return this.orm
      .all('account.payment.method.line')
      .find(
        (line) =>
          line.journal_id === journalId &&
          this.orm.get('account.payment.method', Number(line.payment_method_id))?.payment_type ===
            direction,
      );
  }

  private defaultAccount(move: OdooRecord): number | false {
    const journal = this.orm.get('account.journal', Number(move.journal_id));
    return (journal?.default_account_id as number) || false;
  }

  private accountOfType(companyId: unknown, type: string): number | false {
    return (
      this.orm
        .all('account.account')
        .find((a) => a.company_id === companyId && a.account_type === type)?.id ?? false
    );
  }

  private commercialPartner(partner: OdooRecord): OdooRecord {
    if (partner.is_company || typeof partner.parent_id !== 'number') return partner;
    const parent = this.orm.get('res.partner', partner.parent_id);
    return parent ? this.commercialPartner(parent) : partner;
  }
}

function debitCredit(balance: number) {
  const rounded = round2(balance);
  return { balance: rounded, debit: rounded > 0 ? rounded : 0, credit: rounded < 0 ? -rounded : 0 };
}

function actWindow(paymentIds: number[]) {
  return paymentIds.length === 1
    ? {
        name: 'Payments',
        type: 'ir.actions.act_window',
        res_model: 'account.payment',
        view_mode: 'form',
        res_id: paymentIds[0],
        context: { create: false },
      }
    : {
        name: 'Payments',
        type: 'ir.actions.act_window',
        res_model: 'account.payment',
        view_mode: 'tree,form',
        domain: [['id', 'in', paymentIds]],
        context: { create: false },
      };
}
