import {
  ExactAccount,
  ExactAccountWrite,
  ExactClient,
  accounts,
  and,
  eq,
  odata,
  padAccountCode,
} from '@app/exact-client';
import type { OdooPartner } from '@app/odoo-client';
import type { PartnerMatchRule } from '@app/sync-queue';
import { accountCodeFromRef } from './partner-account.mapper';
import { MatchCandidates, matchRecord } from './record-match';

/** What an unlinked partner is looked up by in Exact. */
export interface AccountKeys {
  vat: string | null;
  code: string | null;
  name: string;
  postcode: string | null;
}

export type AccountRef = Pick<ExactAccount, 'ID' | 'Code' | 'Name'>;

/** For a partner not linked yet: link it to this account, create one (with this code), or ask the operator. */
export type AccountDecision =
  | { action: 'link'; exactAccountId: string; matchedBy: PartnerMatchRule }
  | { action: 'create'; code: string | null }
  | { action: 'conflict'; reason: string };

export function accountKeys(partner: OdooPartner, account: ExactAccountWrite): AccountKeys {
  return {
    vat: account.VATNumber ?? null,
    code: accountCodeFromRef(partner.ref),
    name: account.Name,
    postcode: account.Postcode ?? null,
  };
}

/** Finds the accounts satisfying one rule (only called when the keys have its values). */
export type AccountFinder = (rule: PartnerMatchRule, keys: AccountKeys) => Promise<AccountRef[]>;

/**
 * The candidates of one partner: the finder's results (each rule asked at most once) and which
 * Odoo partner an account is linked to already.
 */
export function accountCandidates(
  partnerId: number,
  keys: AccountKeys,
  find: AccountFinder,
  linkedPartner: (exactAccountId: string) => Promise<number | null>,
): MatchCandidates<AccountRef> {
  const asked = new Map<PartnerMatchRule, Promise<AccountRef[] | null>>();
  return {
    find(rule) {
      let result = asked.get(rule);
      if (!result) {
        const applies =
          rule === 'vat' ? keys.vat : rule === 'code' ? keys.code : keys.postcode && keys.name;
        result = applies ? find(rule, keys) : Promise.resolve(null);
        asked.set(rule, result);
      }
      return result;
    },
    async linkedTo(account) {
      const owner = await linkedPartner(account.ID);
      return owner === null || owner === partnerId ? null : `res.partner ${owner}`;
    },
    describe: (account) => `${account.Code?.trim() || '?'} ${account.Name} (${account.ID})`,
  };
}

/** Link to the one match, or create — with the partner's code when no account has it. */
export async function decideAccount(
  order: readonly PartnerMatchRule[],
  keys: AccountKeys,
  candidates: MatchCandidates<AccountRef>,
): Promise<AccountDecision> {
  const match = await matchRecord(order, candidates);
  if (match.kind === 'conflict') return { action: 'conflict', reason: match.reason };
  if (match.kind === 'match')
    return { action: 'link', exactAccountId: match.record.ID, matchedBy: match.rule };
  const sameCode = keys.code ? await candidates.find('code') : null;
  return { action: 'create', code: sameCode?.length === 0 ? keys.code : null };
}

/** Asks Exact (one filtered GET of crm/Accounts per rule). */
export function exactAccountFinder(exact: ExactClient): AccountFinder {
  return (rule, keys) => {
    const filter =
      rule === 'vat'
        ? eq('VATNumber', odata.string(keys.vat!))
        : rule === 'code'
          ? eq('Code', odata.accountCode(keys.code!))
          : and(eq('Name', odata.string(keys.name)), eq('Postcode', odata.string(keys.postcode!)));
    return accounts.find(exact, filter);
  };
}

/**
 * The same lookups over accounts read in bulk, for the initial-sync planner. Equality is exact, as
 * in the OData filters the jobs send (Exact's account Code padded to 18 characters).
 */
export class AccountIndex {
  private readonly byRule: Record<PartnerMatchRule, Map<string, AccountRef[]>> = {
    vat: new Map(),
    code: new Map(),
    name_postcode: new Map(),
  };

  constructor(all: Iterable<ExactAccount>) {
    for (const account of all) {
      if (account.VATNumber) this.add('vat', account.VATNumber, account);
      if (account.Code?.trim()) this.add('code', padAccountCode(account.Code), account);
      if (account.Postcode)
        this.add('name_postcode', nameKey(account.Name, account.Postcode), account);
    }
  }

  readonly find: AccountFinder = async (rule, keys) =>
    this.byRule[rule].get(
      rule === 'vat'
        ? keys.vat!
        : rule === 'code'
          ? padAccountCode(keys.code!)
          : nameKey(keys.name, keys.postcode!),
    ) ?? [];

  private add(rule: PartnerMatchRule, key: string, account: AccountRef): void {
    const list = this.byRule[rule].get(key);
    if (list) list.push(account);
    else this.byRule[rule].set(key, [account]);
  }
}

const nameKey = (name: string, postcode: string) => `${name}\u0000${postcode}`;
