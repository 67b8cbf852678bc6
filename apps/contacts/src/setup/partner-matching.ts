import type { ExactAccount } from '@app/exact-client';
import { OdooClient, OdooPartner, readPartners } from '@app/odoo-client';
import type { Domain } from '@app/odoo-client';
import type { PartnerMatchRule } from '@app/sync-queue';
import { MatchCandidates, matchRecord } from '../partners/record-match';

/** For an Exact account not linked yet: link this partner, create one, or ask the operator. */
export type PartnerDecision =
  | { action: 'link'; partnerId: number; matchedBy: PartnerMatchRule }
  | { action: 'create' }
  | { action: 'conflict'; reason: string };

/** Finds the partners satisfying one rule for an account (only called when the account has its values). */
export type PartnerFinder = (
  rule: PartnerMatchRule,
  account: ExactAccount,
) => Promise<OdooPartner[]>;

/** Rule values of an account: VAT number, code (a partner's ref), name and postcode. */
function ruleValue(rule: PartnerMatchRule, account: ExactAccount): string | null {
  if (rule === 'vat') return account.VATNumber || null;
  if (rule === 'code') return account.Code?.trim() || null;
  return account.Postcode ? `${account.Name.trim()}\u0000${account.Postcode}` : null;
}

export async function decidePartner(
  order: readonly PartnerMatchRule[],
  account: ExactAccount,
  find: PartnerFinder,
  linkedAccount: (partnerId: number) => Promise<string | null>,
): Promise<PartnerDecision> {
  const candidates: MatchCandidates<OdooPartner> = {
    find: async (rule) => (ruleValue(rule, account) ? find(rule, account) : null),
    async linkedTo(partner) {
      const owner = await linkedAccount(partner.id);
      return owner === null || owner === account.ID ? null : `Exact account ${owner}`;
    },
    describe: (partner) => `res.partner ${partner.id} ${partner.name}`,
  };
  const match = await matchRecord(order, candidates);
  if (match.kind === 'conflict') return { action: 'conflict', reason: match.reason };
  if (match.kind === 'match')
    return { action: 'link', partnerId: match.record.id, matchedBy: match.rule };
  return { action: 'create' };
}

/** The commercial partners of the connection's company (and shared ones): what accounts pair with. */
export function commercialPartnersDomain(companyId: number): Domain {
  return [
    ['parent_id', '=', false],
    '|',
    ['company_id', '=', companyId],
    ['company_id', '=', false],
  ];
}

/** Asks Odoo (one search per rule), among the company's active commercial partners. */
export function odooPartnerFinder(odoo: OdooClient, companyId: number): PartnerFinder {
  return (rule, account) => {
    const domain: Domain =
      rule === 'vat'
        ? [['vat', '=', account.VATNumber]]
        : rule === 'code'
          ? [['ref', '=', account.Code!.trim()]]
          : [
              ['name', '=', account.Name.trim()],
              ['zip', '=', account.Postcode],
            ];
    return readPartners(odoo, [...commercialPartnersDomain(companyId), ...domain], {
      includeArchived: false,
    });
  };
}

/** The same lookups over partners read at once, for the planner (equality as in Odoo's '=' domain). */
export class PartnerIndex {
  private readonly byRule: Record<PartnerMatchRule, Map<string, OdooPartner[]>> = {
    vat: new Map(),
    code: new Map(),
    name_postcode: new Map(),
  };

  constructor(partners: Iterable<OdooPartner>) {
    for (const partner of partners) {
      if (partner.vat) this.add('vat', partner.vat, partner);
      if (partner.ref) this.add('code', partner.ref, partner);
      if (partner.zip) this.add('name_postcode', `${partner.name}\u0000${partner.zip}`, partner);
    }
  }

  readonly find: PartnerFinder = async (rule, account) =>
    this.byRule[rule].get(ruleValue(rule, account)!) ?? [];

  private add(rule: PartnerMatchRule, key: string, partner: OdooPartner): void {
    const list = this.byRule[rule].get(key);
    if (list) list.push(partner);
    else this.byRule[rule].set(key, [partner]);
  }
}
