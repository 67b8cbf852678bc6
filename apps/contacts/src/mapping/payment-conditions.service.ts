import type { OdooPartner } from '@app/odoo-client';
import { MappingStore } from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import type { PaymentConditionCodes } from '../partners/partner-account.mapper';

/** Odoo payment term → Exact payment condition code, from the connection's payment-term mappings. */
@Injectable()
export class PaymentConditions {
  constructor(private readonly mappings: MappingStore) {}

  /** Every payment-term mapping of a connection (one query; the planner uses it for all partners). */
  forConnection(connectionId: string): Promise<Map<number, string>> {
    return this.mappings.codes(connectionId, 'payment_term');
  }

  async forPartner(connectionId: string, partner: OdooPartner): Promise<PaymentConditionCodes> {
    return conditionCodes(await this.forConnection(connectionId), partner);
  }
}

export function conditionCodes(
  codes: Map<number, string>,
  partner: OdooPartner,
): PaymentConditionCodes {
  return {
    sales: partner.paymentTermId ? (codes.get(partner.paymentTermId) ?? null) : null,
    purchase: partner.supplierPaymentTermId
      ? (codes.get(partner.supplierPaymentTermId) ?? null)
      : null,
  };
}
