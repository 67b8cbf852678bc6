import { MappingError } from '@app/common';
import { ExactAccountWrite, ExactClient, ExactRejectedError, accounts } from '@app/exact-client';
import type { OdooPartner } from '@app/odoo-client';
import {
  ConnectionEntity,
  EntityLinkEntity,
  EntityLinkStore,
  PartnerMatchRule,
  connectionSettings,
} from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import { PaymentConditions } from '../mapping/payment-conditions.service';
import {
  AccountDecision,
  accountCandidates,
  accountKeys,
  decideAccount,
  exactAccountFinder,
} from './account-matching';
import { accountFingerprint, partnerToAccount } from './partner-account.mapper';

export interface AccountSyncResult {
  [key: string]: unknown;
  action: 'unchanged' | 'updated' | 'linked' | 'created';
  exactAccountId: string;
  exactAccountCode?: string | null;
  matchedBy?: PartnerMatchRule;
}

/** A decision taken for this partner by the initial-sync planner, used once instead of asking Exact again. */
export interface PlannedAccountDecision {
  decision: AccountDecision;
  /** Forgets the plan before acting on it, so a retry after an unknown outcome looks up again. */
  spend(): Promise<void>;
}

/**
 * Makes a commercial partner's Exact account match it:
 * - linked and unchanged since the last send → no Exact call; linked and changed → PUT;
 * - not linked → an existing account (by the connection's match rules) is linked instead of
 *   creating a duplicate — this also finds an account whose create answer was lost; otherwise POST,
 *   and the link is stored the moment Exact answers.
 */
@Injectable()
export class AccountSync {
  constructor(
    private readonly links: EntityLinkStore,
    private readonly conditions: PaymentConditions,
  ) {}

  async sync(
    connection: ConnectionEntity,
    exact: ExactClient,
    partner: OdooPartner,
    planned?: PlannedAccountDecision,
  ): Promise<AccountSyncResult> {
    const account = partnerToAccount(
      partner,
      await this.conditions.forPartner(connection.id, partner),
    );
    const fingerprint = accountFingerprint(account);
    const link = await this.links.find(connection.id, 'partner', partner.id);
    if (link) {
      if (link.sentHash === fingerprint)
        return { action: 'unchanged', exactAccountId: link.exactId };
      await accounts.update(exact, link.exactId, account);
      await this.links.markSent(link.id, fingerprint);
      return { action: 'updated', exactAccountId: link.exactId };
    }

    let decision: AccountDecision;
    if (planned) {
      await planned.spend();
      decision = planned.decision;
    } else {
      const keys = accountKeys(partner, account);
      decision = await decideAccount(
        connectionSettings(connection).partnerMatchOrder,
        keys,
        accountCandidates(partner.id, keys, exactAccountFinder(exact), async (exactId) => {
          const owner = await this.links.findByExactId(connection.id, 'partner', exactId);
          return owner?.odooId ?? null;
        }),
      );
    }

    switch (decision.action) {
      case 'conflict':
        throw new MappingError(
          `res.partner ${partner.id} (${partner.name}) cannot be paired with an Exact account: ${decision.reason}. Make the records distinct (or merge the duplicates) in Odoo or Exact, then retry.`,
        );
      case 'link': {
        const linked = await this.link(connection, partner, decision.exactAccountId, null);
        await accounts.update(exact, decision.exactAccountId, account);
        await this.links.markSent(linked.id, fingerprint);
        return {
          action: 'linked',
          exactAccountId: decision.exactAccountId,
          matchedBy: decision.matchedBy,
        };
      }
      case 'create': {
        const created = await this.create(exact, account, decision.code);
        await this.link(connection, partner, created.ID, fingerprint);
        return {
          action: 'created',
          exactAccountId: created.ID,
          exactAccountCode: created.Code?.trim() ?? null,
        };
      }
    }
  }

  /** POST with the partner's code; if Exact says another account took it meanwhile, without. */
  private async create(exact: ExactClient, account: ExactAccountWrite, code: string | null) {
    if (code === null) return accounts.create(exact, account);
    try {
      return await accounts.create(exact, { ...account, Code: code });
    } catch (error) {
      if (error instanceof ExactRejectedError && /\bcode\b/i.test(error.message))
        return accounts.create(exact, account);
      throw error;
    }
  }

  private async link(
    connection: ConnectionEntity,
    partner: OdooPartner,
    exactId: string,
    sentHash: string | null,
  ): Promise<EntityLinkEntity> {
    try {
      return await this.links.link({
        connectionId: connection.id,
        kind: 'partner',
        odooModel: 'res.partner',
        odooId: partner.id,
        exactEntity: accounts.path,
        exactId,
        sentHash,
      });
    } catch (error) {
      const owner = await this.links.findByExactId(connection.id, 'partner', exactId);
      if (owner && owner.odooId !== partner.id)
        throw new MappingError(
          `Exact account ${exactId} already stands for res.partner ${owner.odooId}; res.partner ${partner.id} (${partner.name}) matches it too. Merge the partners in Odoo or make them distinct, then retry.`,
        );
      throw error;
    }
  }
}
