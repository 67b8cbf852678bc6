import { MappingError } from '@app/common';
import { JOB_KINDS } from '@app/contracts';
import { ExactAccount, accounts } from '@app/exact-client';
import {
  OdooClient,
  countryIdsByCode,
  createPartner,
  readPartner,
  writePartner,
} from '@app/odoo-client';
import {
  ClaimedJob,
  ConnectionClients,
  ConnectionDirectory,
  ConnectionEntity,
  connectionSettings,
  EntityLinkStore,
  JobHandler,
  JobRun,
  readyConnection,
  skipped,
  SyncJobHandler,
  SyncJobQueue,
} from '@app/sync-queue';
import { PaymentConditions } from '../mapping/payment-conditions.service';
import { accountFingerprint, partnerToAccount } from '../partners/partner-account.mapper';
import { accountToPartnerValues } from './account-partner.mapper';
import { PartnerDecision, decidePartner, odooPartnerFinder } from './partner-matching';

/** What a contact.import job carries: the account as the bulk read saw it, and the planner's decision. */
export interface PartnerImportPayload {
  [key: string]: unknown;
  account: ExactAccount;
  setup?: PartnerDecision;
}

/**
 * contact.import (initial sync, Exact is master): makes an Odoo partner match an Exact account —
 * update the linked partner, link the partner that already stands for it, or create one (the link
 * is stored the moment Odoo answers; a retry finds a created partner again by its ref = the code).
 * The link remembers what the partner now means for Exact, so the partner's next change in Odoo
 * is compared against it and an unchanged partner costs no Exact call.
 */
@JobHandler(JOB_KINDS.contactImport)
export class PartnerImportHandler implements SyncJobHandler {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly links: EntityLinkStore,
    private readonly queue: SyncJobQueue,
    private readonly conditions: PaymentConditions,
  ) {}

  async handle(job: ClaimedJob, run: JobRun): Promise<Record<string, unknown>> {
    const connection = await readyConnection(this.connections, job.connectionId!, 'contacts');
    if (!connection) return skipped('contacts are switched off for this connection');
    const { account, setup } = job.payload as PartnerImportPayload;
    run.setLabel(account.Name);
    const odoo = this.clients.odoo(connection);
    const context = {
      countryIds: await countryIdsByCode(odoo.rpc),
      registryField: (await odoo.adapter()).partnerRegistryField,
    };

    const link = await this.links.findByExactId(connection.id, 'partner', account.ID);
    let partnerId = link?.odooId ?? null;
    if (partnerId === null) {
      const decision = await this.decide(job, connection, odoo, account, setup);
      if (decision.action === 'conflict')
        throw new MappingError(
          `Exact account ${account.Code?.trim() ?? ''} ${account.Name} (${account.ID}) cannot be paired with an Odoo partner: ${decision.reason}. Make the records distinct (or merge the duplicates), then retry.`,
        );
      if (decision.action === 'create') {
        const created = await createPartner(odoo, accountToPartnerValues(account, null, context));
        await this.remember(connection, odoo, created, account.ID);
        return { action: 'created', partnerId: created, exactAccountId: account.ID };
      }
      partnerId = decision.partnerId;
    }
    const partner = await readPartner(odoo, partnerId);
    if (!partner) {
      if (link) await this.links.remove(link.id);
      throw new MappingError(
        `res.partner ${partnerId}, paired with Exact account ${account.ID}, no longer exists in Odoo; the pairing is removed — retry to pair the account again`,
      );
    }
    const changes = accountToPartnerValues(account, partner, context);
    if (Object.keys(changes).length > 0) await writePartner(odoo, partner.id, changes);
    if (!link || Object.keys(changes).length > 0)
      await this.remember(connection, odoo, partner.id, account.ID);
    return {
      action: !link ? 'linked' : Object.keys(changes).length > 0 ? 'updated' : 'unchanged',
      partnerId: partner.id,
      exactAccountId: account.ID,
      changed: Object.keys(changes),
    };
  }

  /** The planner's decision (spent before it is acted on), or a lookup in Odoo. */
  private async decide(
    job: ClaimedJob,
    connection: ConnectionEntity,
    odoo: OdooClient,
    account: ExactAccount,
    setup: PartnerDecision | undefined,
  ): Promise<PartnerDecision> {
    if (setup) {
      await this.queue.forgetPayloadKey(job.id, 'setup');
      return setup;
    }
    return decidePartner(
      connectionSettings(connection).partnerMatchOrder,
      account,
      odooPartnerFinder(odoo, connection.odooCompanyId),
      async (partnerId) =>
        (await this.links.find(connection.id, 'partner', partnerId))?.exactId ?? null,
    );
  }

  /**
   * Links partner ⇄ account at once, then records what the partner now means for Exact as the
   * last-sent state (so only a later change in Odoo is sent to Exact).
   */
  private async remember(
    connection: ConnectionEntity,
    odoo: OdooClient,
    partnerId: number,
    exactId: string,
  ): Promise<void> {
    const link = await this.links.link({
      connectionId: connection.id,
      kind: 'partner',
      odooModel: 'res.partner',
      odooId: partnerId,
      exactEntity: accounts.path,
      exactId,
      sentHash: null,
    });
    const partner = await readPartner(odoo, partnerId);
    if (!partner) return;
    const account = partnerToAccount(
      partner,
      await this.conditions.forPartner(connection.id, partner),
    );
    await this.links.markSent(link.id, accountFingerprint(account));
  }
}
