import type { OdooClient } from '../rpc/odoo-client';
import type { Many2one } from '../rpc/odoo-domain-types';
import { OdooError } from '../rpc/odoo-errors';

export interface PaymentRegistration {
  invoiceId: number;
  /** In the invoice's currency. */
  amount: number;
  /** YYYY-MM-DD */
  date: string;
  /** A bank or cash journal. */
  journalId: number;
  /** Identifies the payment (e.g. the Exact term ID and amount); a payment with this memo is never registered twice. */
  memo: string;
}

export interface RegisteredPayment {
  paymentId: number;
  /** False when a payment with this memo existed already: nothing was registered. */
  created: boolean;
}

const PAID = 0.005;

/**
 * Registers (part of) a payment on a posted invoice or bill, the way the Odoo version does it:
 * - 13: the full open amount through `account.payment.register` + `create_payments` (the memo is
 *   written on the payment afterwards); a partial amount as an `account.payment` with `invoice_ids`,
 *   then `post()`;
 * - 14+: `account.payment.register` (amount, date, journal, method, `communication` = memo) +
 *   `action_create_payments`, in the invoice's company context.
 * Idempotent: payments are searched by memo first. Each RPC call is its own transaction, so callers
 * must serialise payments per invoice (the payments service does).
 */
export async function registerPayment(
  client: OdooClient,
  payment: PaymentRegistration,
): Promise<RegisteredPayment> {
  const adapter = await client.adapter();
  const existing = await findPaymentByMemo(client, payment.memo);
  if (existing !== null) return { paymentId: existing, created: false };

  const [invoice] = await client.rpc.executeKw<Record<string, unknown>[]>(
    'account.move',
    'read',
    [[payment.invoiceId]],
    {
      fields: [
        'state',
        'amount_residual',
        adapter.moveTypeField,
        'commercial_partner_id',
        'currency_id',
      ],
    },
  );
  if (invoice.state !== 'posted')
    throw new OdooError(
      `account.move ${payment.invoiceId} is ${invoice.state}; only posted invoices can be paid`,
      false,
    );
  const residual = Number(invoice.amount_residual);
  if (residual <= PAID)
    throw new OdooError(`account.move ${payment.invoiceId} has nothing left to pay`, false);
  const inbound =
    String(invoice[adapter.moveTypeField]).startsWith('out_') !==
    String(invoice[adapter.moveTypeField]).endsWith('_refund');
  const context = { active_model: 'account.move', active_ids: [payment.invoiceId] };

  if (adapter.major === 13) {
    if (payment.amount >= residual - PAID) {
      const wizard = await client.rpc.executeKw<number>(
        'account.payment.register',
        'create',
        [{ payment_date: payment.date, journal_id: payment.journalId }],
        { context },
      );
      await client.rpc.executeKw('account.payment.register', 'create_payments', [[wizard]], {
        context,
      });
      const [created] = await client.rpc.executeKw<number[]>(
        'account.payment',
        'search',
        [[['invoice_ids', 'in', [payment.invoiceId]]]],
        { order: 'id desc', limit: 1 },
      );
      await client.rpc.executeKw('account.payment', 'write', [
        [created],
        { communication: payment.memo },
      ]);
      return { paymentId: created, created: true };
    }
    const method = await manualMethod(client, inbound ? 'inbound' : 'outbound');
    const created = await client.rpc.executeKw<number>('account.payment', 'create', [
      {
        payment_type: inbound ? 'inbound' : 'outbound',
        partner_type: String(invoice[adapter.moveTypeField]).startsWith('out_')
          ? 'customer'
          : 'supplier',
        partner_id: (invoice.commercial_partner_id as Many2one)
          ? (invoice.commercial_partner_id as [number, string])[0]
          : false,
        amount: payment.amount,
        currency_id: (invoice.currency_id as [number, string])[0],
        payment_date: payment.date,
        communication: payment.memo,
        journal_id: payment.journalId,
        payment_method_id: method,
        invoice_ids: [[6, 0, [payment.invoiceId]]],
      },
    ]);
    await client.rpc.executeKw('account.payment', 'post', [[created]]);
    return { paymentId: created, created: true };
  }

  const values: Record<string, unknown> = {
    payment_date: payment.date,
    journal_id: payment.journalId,
    amount: payment.amount,
    communication: payment.memo,
    payment_difference_handling: 'open',
  };
  if (adapter.paymentMethodField === 'payment_method_line_id') {
    values.payment_method_line_id = await methodLine(
      client,
      payment.journalId,
      inbound ? 'inbound' : 'outbound',
    );
  } else {
    values.payment_method_id = await manualMethod(client, inbound ? 'inbound' : 'outbound');
  }
  const wizard = await client.rpc.executeKw<number>(
    'account.payment.register',
    'create',
    [values],
    { context },
  );
  const action = await client.rpc.executeKw<{ res_id?: number } | boolean>(
    'account.payment.register',
    'action_create_payments',
    [[wizard]],
    { context },
  );
  const paymentId =
    typeof action === 'object' && action.res_id
      ? action.res_id
      : await findPaymentByMemo(client, payment.memo);
  if (paymentId === null)
    throw new OdooError(`Odoo registered no payment with memo '${payment.memo}'`, true);
  return { paymentId, created: true };
}

/** The payment carrying this memo (not cancelled), or null. */
export async function findPaymentByMemo(client: OdooClient, memo: string): Promise<number | null> {
  const adapter = await client.adapter();
  const ids = await client.rpc.executeKw<number[]>(
    'account.payment',
    'search',
    [
      [
        [adapter.paymentMemoField, '=', memo],
        ['state', 'not in', ['cancel', 'cancelled', 'canceled']],
      ],
    ],
    { limit: 1 },
  );
  return ids[0] ?? null;
}

async function manualMethod(
  client: OdooClient,
  direction: 'inbound' | 'outbound',
): Promise<number> {
  const [id] = await client.rpc.executeKw<number[]>(
    'account.payment.method',
    'search',
    [
      [
        ['code', '=', 'manual'],
        ['payment_type', '=', direction],
      ],
    ],
    { limit: 1 },
  );
  if (!id) throw new OdooError(`Odoo has no manual ${direction} payment method`, false);
  return id;
}

async function methodLine(
  client: OdooClient,
  journalId: number,
  direction: 'inbound' | 'outbound',
): Promise<number> {
  const [journal] = await client.rpc.executeKw<Record<string, number[]>[]>(
    'account.journal',
    'read',
    [[journalId]],
    {
      fields: [`${direction}_payment_method_line_ids`],
    },
  );
  const id = journal?.[`${direction}_payment_method_line_ids`]?.[0];
  if (!id) throw new OdooError(`journal ${journalId} has no ${direction} payment method`, false);
  return id;
}
