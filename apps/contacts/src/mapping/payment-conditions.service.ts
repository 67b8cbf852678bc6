import type { OdooPartner } from '@app/odoo-client';
import { MappingEntity } from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PaymentConditionCodes } from '../partners/partner-account.mapper';

/** Odoo payment term → Exact payment condition code, from the connection's payment-term mappings. */
@Injectable()
export class PaymentConditions {
  constructor(
    @InjectRepository(MappingEntity) private readonly mappings: Repository<MappingEntity>,
  ) {}

  /** Every payment-term mapping of a connection (one query; the planner uses it for all partners). */
  async forConnection(connectionId: string): Promise<Map<number, string>> {
    const rows = await this.mappings.findBy({ connectionId, kind: 'payment_term' });
    return new Map(rows.flatMap((r) => (r.exactCode ? [[r.odooId, r.exactCode]] : [])));
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
