import type { PartnerMatchRule } from '@app/sync-queue';

/** How the other side's records are found for a rule, and whether one is linked already. */
export interface MatchCandidates<T> {
  /** Records satisfying the rule; the rule does not apply (no value to match on) → null. */
  find(rule: PartnerMatchRule): Promise<T[] | null>;
  /** The record this one is linked to already, or null (a link to the record being matched counts as free). */
  linkedTo(candidate: T): Promise<string | null>;
  describe(candidate: T): string;
}

export type RecordMatch<T> =
  | { kind: 'match'; record: T; rule: PartnerMatchRule }
  | { kind: 'none' }
  | { kind: 'conflict'; reason: string };

const RULE_NAMES: Record<PartnerMatchRule, string> = {
  vat: 'the VAT number',
  code: 'the code',
  name_postcode: 'the name and postcode',
};

/**
 * Finds the one record on the other side that already stands for this one, trying the rules in
 * order. The first rule with candidates decides: exactly one free candidate is a match; several,
 * or one already linked to something else, is a conflict for the operator (linking it anyway could
 * merge two customers; creating could duplicate one). A code rule only matches a free record: a
 * code taken by a linked record just means the code is not ours to use.
 * Used both by the jobs (querying the other side) and by the initial-sync planner (an index of it),
 * so the dry run decides exactly as the run will.
 */
export async function matchRecord<T>(
  order: readonly PartnerMatchRule[],
  candidates: MatchCandidates<T>,
): Promise<RecordMatch<T>> {
  for (const rule of order) {
    const found = await candidates.find(rule);
    if (!found || found.length === 0) continue;
    const taken: { candidate: T; linkedTo: string }[] = [];
    const free: T[] = [];
    for (const candidate of found) {
      const linkedTo = await candidates.linkedTo(candidate);
      if (linkedTo === null) free.push(candidate);
      else taken.push({ candidate, linkedTo });
    }
    if (rule === 'code') {
      if (free.length === 1) return { kind: 'match', record: free[0], rule };
      continue;
    }
    if (free.length === 1 && taken.length === 0) return { kind: 'match', record: free[0], rule };
    const listed = [
      ...free.map((c) => candidates.describe(c)),
      ...taken.map((t) => `${candidates.describe(t.candidate)}, already linked to ${t.linkedTo}`),
    ].join('; ');
    return {
      kind: 'conflict',
      reason:
        found.length === 1
          ? `the only record with ${RULE_NAMES[rule]} is taken: ${listed}`
          : `${found.length} records have ${RULE_NAMES[rule]}: ${listed}`,
    };
  }
  return { kind: 'none' };
}
