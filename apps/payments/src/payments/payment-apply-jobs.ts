import { JOB_KINDS } from '@app/contracts';
import type { EnqueueRequest } from '@app/sync-queue';

/** What a payment.apply job carries: the invoice and its entry, never amounts (those come from the terms kept in PostgreSQL). */
export interface PaymentApplyPayload {
  [key: string]: unknown;
  moveId: number;
  entryId: string;
}

/** One payment.apply per invoice while it has work ahead: payments of one invoice never run side by side. */
export function paymentApplyRequest(
  connectionId: string,
  payload: PaymentApplyPayload,
): EnqueueRequest {
  return {
    kind: JOB_KINDS.paymentApply,
    direction: 'exact_to_odoo',
    connectionId,
    sourceModel: 'account.move',
    sourceId: String(payload.moveId),
    sourceRef: `account.move/${payload.moveId}`,
    dedupKey: `${JOB_KINDS.paymentApply}:${connectionId}:${payload.moveId}`,
    payload,
  };
}
