import { JOB_KINDS, PartnerMaster, PartnerSetupConflict, PartnerSetupPlan } from '@app/contracts';
import { ExactAccount, ExactClient, bulkAccounts } from '@app/exact-client';
import { Domain, OdooClient, OdooPartner, countryIdsByCode, readPartners } from '@app/odoo-client';
import {
  ConnectionClients,
  ConnectionDirectory,
  ConnectionEntity,
  connectionSettings,
  EnqueueRequest,
  EntityLinkEntity,
  JobNotifier,
  SyncJobQueue,
  readyConnection,
} from '@app/sync-queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentConditions, conditionCodes } from '../mapping/payment-conditions.service';
import {
  AccountIndex,
  accountCandidates,
  accountKeys,
  decideAccount,
} from '../partners/account-matching';
import { accountFingerprint, partnerToAccount } from '../partners/partner-account.mapper';
import { AccountSetupHint, PartnerJobsService } from '../partners/partner-jobs.service';
import { accountToPartnerValues } from './account-partner.mapper';
import { PartnerImportPayload } from './partner-import.handler';
import { PartnerIndex, commercialPartnersDomain, decidePartner } from './partner-matching';

const ODOO_PAGE = 1000;
const CONFLICTS_SHOWN = 50;

type Counted = 'create' | 'link' | 'update' | 'unchanged' | 'conflicts';

/** A plan with the jobs its run would queue. */
interface Planned {
  plan: PartnerSetupPlan;
  jobs: EnqueueRequest[];
}

/**
 * The initial partner sync. Both sides are read in full once (Odoo in pages of 1,000, Exact through
 * bulk/CRM/Accounts, 1,000 per call), paired with the same rules the jobs use (so the dry run's
 * numbers are what the run does), and the run queues one job per record with work to do, carrying
 * the decision so that no job has to look up again.
 * - master `odoo`: one contact.sync per customer/supplier → create, link or update the account;
 * - master `exact`: one contact.import per account → create, link or update the partner.
 */
@Injectable()
export class PartnerSetupService {
  private readonly log = new Logger(PartnerSetupService.name);

  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly conditions: PaymentConditions,
    private readonly partnerJobs: PartnerJobsService,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async setup(connectionId: string, master: PartnerMaster, dryRun: boolean) {
    const connection = await readyConnection(this.connections, connectionId, null);
    const exact = this.clients.exact(connection);
    const odoo = this.clients.odoo(connection);
    const { accounts, pages } = await readAllAccounts(exact);
    const links = await this.db
      .getRepository(EntityLinkEntity)
      .findBy({ connectionId: connection.id, kind: 'partner' });
    const planned =
      master === 'odoo'
        ? await this.planOdooMaster(connection, odoo, accounts, links, dryRun)
        : await this.planExactMaster(connection, odoo, accounts, links, dryRun);
    const plan = planned.plan;
    plan.exactCalls.spent = pages;
    const budget = await this.clients.budget(connection);
    plan.exactCalls.remainingToday = budget.dailyRemaining;
    plan.exactCalls.fitsToday =
      budget.dailyRemaining === null ? null : plan.exactCalls.needed <= budget.dailyRemaining;
    plan.exactCalls.estimatedMinutes = Math.ceil(plan.exactCalls.needed / budget.minutelyLimit);
    if (!dryRun) {
      plan.queued = await this.enqueue(connection, master, planned.jobs);
      this.log.log(
        `connection ${connection.id}: initial partner sync (${master} is master) queued ${plan.queued} job(s)`,
      );
    }
    return plan;
  }

  private async planOdooMaster(
    connection: ConnectionEntity,
    odoo: OdooClient,
    accounts: ExactAccount[],
    links: EntityLinkEntity[],
    dryRun: boolean,
  ): Promise<Planned> {
    const settings = connectionSettings(connection);
    const scope: Domain = [
      ...commercialPartnersDomain(connection.odooCompanyId),
      ...rankDomain(settings.partnerRanks),
    ];
    const partners = await readAllPartners(odoo, scope);
    const archived = await odoo.rpc.executeKw<number>('res.partner', 'search_count', [
      [...scope, ['active', '=', false]],
    ]);
    const plan = emptyPlan('odoo', dryRun, partners.length, archived);
    const index = new AccountIndex(accounts);
    const linkOf = new Map(links.map((l) => [l.odooId, l]));
    const ownerOf = new Map(links.map((l) => [l.exactId, l.odooId]));
    const codesTaken = new Set(accounts.flatMap((a) => (a.Code?.trim() ? [a.Code.trim()] : [])));
    const withoutCode: { code: string | null }[] = [];
    const codes = await this.conditions.forConnection(connection.id);
    const jobs: EnqueueRequest[] = [];
    for (const partner of partners) {
      const account = partnerToAccount(partner, conditionCodes(codes, partner));
      const link = linkOf.get(partner.id);
      if (link) {
        const unchanged = link.sentHash === accountFingerprint(account);
        count(plan, unchanged ? 'unchanged' : 'update');
        if (!unchanged) jobs.push(this.partnerJob(connection, partner, undefined));
        continue;
      }
      const keys = accountKeys(partner, account);
      let decision = await decideAccount(
        settings.partnerMatchOrder,
        keys,
        accountCandidates(partner.id, keys, index.find, async (id) => ownerOf.get(id) ?? null),
      );
      if (decision.action === 'link') ownerOf.set(decision.exactAccountId, partner.id);
      if (decision.action === 'create') {
        // Two partners with the same ref: the first one gets the code.
        if (decision.code && codesTaken.has(decision.code))
          decision = { action: 'create', code: null };
        if (decision.code) codesTaken.add(decision.code);
        else withoutCode.push(decision);
      }
      if (decision.action === 'conflict')
        conflict(plan, {
          partnerId: partner.id,
          exactAccountId: null,
          name: partner.name,
          reason: decision.reason,
        });
      else count(plan, decision.action);
      jobs.push(this.partnerJob(connection, partner, decision));
    }
    numberAfter(codesTaken, withoutCode);
    plan.exactCalls.needed = plan.create + plan.link + plan.update;
    return { plan, jobs };
  }

  private async planExactMaster(
    connection: ConnectionEntity,
    odoo: OdooClient,
    accounts: ExactAccount[],
    links: EntityLinkEntity[],
    dryRun: boolean,
  ): Promise<Planned> {
    const settings = connectionSettings(connection);
    const partners = await readAllPartners(
      odoo,
      commercialPartnersDomain(connection.odooCompanyId),
    );
    const context = {
      countryIds: await countryIdsByCode(odoo.rpc),
      registryField: (await odoo.adapter()).partnerRegistryField,
    };
    const active = accounts.filter((a) => !a.Blocked);
    const plan = emptyPlan('exact', dryRun, active.length, accounts.length - active.length);
    const index = new PartnerIndex(partners);
    const partnerById = new Map(partners.map((p) => [p.id, p]));
    const linkOf = new Map(links.map((l) => [l.exactId, l]));
    const accountOf = new Map(links.map((l) => [l.odooId, l.exactId]));
    const jobs: EnqueueRequest[] = [];
    for (const account of active) {
      const link = linkOf.get(account.ID);
      if (link) {
        const partner = partnerById.get(link.odooId);
        const changes = partner ? accountToPartnerValues(account, partner, context) : {};
        const unchanged = partner !== undefined && Object.keys(changes).length === 0;
        count(plan, unchanged ? 'unchanged' : 'update');
        if (!unchanged) jobs.push(this.importJob(connection, account, undefined));
        continue;
      }
      const decision = await decidePartner(
        settings.partnerMatchOrder,
        account,
        index.find,
        async (partnerId) => accountOf.get(partnerId) ?? null,
      );
      if (decision.action === 'link') accountOf.set(decision.partnerId, account.ID);
      if (decision.action === 'conflict')
        conflict(plan, {
          partnerId: null,
          exactAccountId: account.ID,
          name: account.Name,
          reason: decision.reason,
        });
      else count(plan, decision.action);
      jobs.push(this.importJob(connection, account, decision));
    }
    plan.exactCalls.needed = 0;
    return { plan, jobs };
  }

  private partnerJob(
    connection: ConnectionEntity,
    partner: OdooPartner,
    setup: AccountSetupHint | undefined,
  ): EnqueueRequest {
    return this.partnerJobs.request(connection, {
      db: connection.odooDb,
      companyId: connection.odooCompanyId,
      resId: partner.id,
      source: 'setup',
      ...(setup ? { setup } : {}),
    });
  }

  private importJob(
    connection: ConnectionEntity,
    account: ExactAccount,
    setup: PartnerImportPayload['setup'],
  ): EnqueueRequest {
    const payload: PartnerImportPayload = { account, ...(setup ? { setup } : {}) };
    return {
      kind: JOB_KINDS.contactImport,
      direction: 'exact_to_odoo',
      connectionId: connection.id,
      sourceModel: 'crm/Accounts',
      sourceId: account.ID,
      sourceRef: `crm/Accounts/${account.Code?.trim() || account.ID}`,
      dedupKey: `${JOB_KINDS.contactImport}:${connection.id}:${account.ID}`,
      payload,
    };
  }

  private async enqueue(
    connection: ConnectionEntity,
    master: PartnerMaster,
    jobs: EnqueueRequest[],
  ): Promise<number> {
    const correlationId = `setup:partners:${connection.id}:${Date.now()}`;
    const queued = await this.db.transaction(async (manager) => {
      const results = await this.queue.enqueueAll(
        jobs.map((job) => ({ ...job, correlationId })),
        manager,
      );
      await manager.query(
        `UPDATE connection SET settings = settings || jsonb_build_object('partnerMaster', $2::text), updated_at = now() WHERE id = $1`,
        [connection.id, master],
      );
      return results;
    });
    await this.notifier.jobsReady(queued);
    return queued.length;
  }
}

/**
 * Exact numbers an account created without a code as the highest numeric code + 1. The run's jobs
 * create in parallel, so a number Exact hands out could be the code planned for a partner whose job
 * runs later (its create would then be refused). The planner hands out those numbers itself, after
 * every existing and planned code — the numbers Exact would have given.
 */
function numberAfter(taken: Set<string>, creates: { code: string | null }[]): void {
  let next = 1;
  for (const code of taken) if (/^\d+$/.test(code)) next = Math.max(next, Number(code) + 1);
  for (const create of creates) create.code = String(next++);
}

function emptyPlan(
  master: PartnerMaster,
  dryRun: boolean,
  considered: number,
  skipped: number,
): PartnerSetupPlan {
  return {
    master,
    dryRun,
    considered,
    create: 0,
    link: 0,
    update: 0,
    unchanged: 0,
    conflicts: 0,
    skipped,
    conflictDetails: [],
    exactCalls: { spent: 0, needed: 0, remainingToday: null, fitsToday: null, estimatedMinutes: 0 },
  };
}

function count(plan: PartnerSetupPlan, what: Counted): void {
  plan[what] += 1;
}

function conflict(plan: PartnerSetupPlan, detail: PartnerSetupConflict): void {
  count(plan, 'conflicts');
  if (plan.conflictDetails.length < CONFLICTS_SHOWN) plan.conflictDetails.push(detail);
}

function rankDomain(ranks: readonly string[]): Domain {
  const customer: Domain = [['customer_rank', '>', 0]];
  const supplier: Domain = [['supplier_rank', '>', 0]];
  if (ranks.includes('customer') && ranks.includes('supplier'))
    return ['|', ...customer, ...supplier];
  return ranks.includes('customer') ? customer : supplier;
}

async function readAllPartners(odoo: OdooClient, domain: Domain): Promise<OdooPartner[]> {
  const all: OdooPartner[] = [];
  for (let offset = 0; ; offset += ODOO_PAGE) {
    const page = await readPartners(odoo, domain, {
      includeArchived: false,
      limit: ODOO_PAGE,
      offset,
    });
    all.push(...page);
    if (page.length < ODOO_PAGE) return all;
  }
}

async function readAllAccounts(
  exact: ExactClient,
): Promise<{ accounts: ExactAccount[]; pages: number }> {
  const accounts: ExactAccount[] = [];
  let pages = 0;
  for await (const page of bulkAccounts.pages(exact)) {
    pages += 1;
    accounts.push(...page);
  }
  return { accounts, pages };
}
