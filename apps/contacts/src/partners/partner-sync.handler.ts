import { MappingError, RetryLaterError } from '@app/common';
import { JOB_KINDS } from '@app/contracts';
import {
  ExactAccount,
  ExactAccountWrite,
  ExactClient,
  accounts,
  and,
  eq,
  odata,
} from '@app/exact-client';
import { readPartner } from '@app/odoo-client';
import {
  ClaimedJob,
  ConnectionDirectory,
  ConnectionEntity,
  EntityLinkStore,
  JobHandler,
  JobRun,
  SyncJobHandler,
} from '@app/sync-queue';
import { ConnectionClients } from '../connections/connection-clients.service';
import {
  accountFingerprint,
  isCommercialPartner,
  partnerToAccount,
} from './partner-account.mapper';
import { PartnerJobPayload, PartnerJobsService } from './partner-jobs.service';

const NOT_READY_RETRY_MS = 60_000;

/**
 * contact.sync: reads the partner from Odoo and makes its Exact Online account match it.
 * - unchanged since the last send → no Exact call;
 * - linked → PUT the account;
 * - not linked → an existing account with the same VAT number, or the same name and postcode, is
 *   linked instead of creating a duplicate (this also finds an account whose create answer was
 *   lost); otherwise POST, and the link is stored the moment Exact answers.
 */
@JobHandler(JOB_KINDS.contactSync)
export class PartnerSyncHandler implements SyncJobHandler {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly links: EntityLinkStore,
    private readonly partnerJobs: PartnerJobsService,
  ) {}

  async handle(job: ClaimedJob, run: JobRun): Promise<Record<string, unknown>> {
    const payload = job.payload as PartnerJobPayload;
    if (job.connectionId === null) return this.routeToConnections(job, payload);
    const connection = await this.connections.findById(job.connectionId);
    if (!connection) throw new MappingError(`connection ${job.connectionId} no longer exists`);
    if (!connection.features.contacts)
      return { action: 'skipped', reason: 'contacts are switched off for this connection' };
    if (connection.status !== 'ready') {
      throw new RetryLaterError(
        `connection '${connection.name}' is ${connection.status}; waiting until it is ready`,
        new Date(Date.now() + NOT_READY_RETRY_MS),
      );
    }

    const partner = await readPartner(this.clients.odoo(connection), payload.partnerId);
    if (!partner)
      return {
        action: 'skipped',
        reason: `res.partner ${payload.partnerId} no longer exists in Odoo`,
      };
    run.setLabel(partner.name);
    if (!isCommercialPartner(partner))
      return {
        action: 'skipped',
        reason: 'a contact person of a company, not a commercial partner',
      };

    const account = partnerToAccount(partner);
    const fingerprint = accountFingerprint(account);
    const exact = this.clients.exact(connection);
    const link = await this.links.find(connection.id, 'partner', partner.id);
    if (link) {
      if (link.sentHash === fingerprint)
        return { action: 'unchanged', exactAccountId: link.exactId };
      await accounts.update(exact, link.exactId, account);
      await this.links.markSent(link.id, fingerprint);
      return { action: 'updated', exactAccountId: link.exactId };
    }

    const existing = await this.findExisting(exact, account);
    if (existing) {
      const taken = await this.links.findByExactId(connection.id, 'partner', existing.ID);
      if (taken) {
        throw new MappingError(
          `Exact account ${existing.Code?.trim() ?? existing.ID} (${existing.Name}) already stands for res.partner ${taken.odooId}; merge the partners in Odoo or make them distinct, then retry`,
        );
      }
      const linked = await this.links.link(this.newLink(connection, partner.id, existing.ID, null));
      await accounts.update(exact, existing.ID, account);
      await this.links.markSent(linked.id, fingerprint);
      return { action: 'linked', exactAccountId: existing.ID };
    }
    const created = await accounts.create(exact, account);
    await this.links.link(this.newLink(connection, partner.id, created.ID, fingerprint));
    return {
      action: 'created',
      exactAccountId: created.ID,
      exactAccountCode: created.Code?.trim() ?? null,
    };
  }

  /** An account that already stands for this partner: same VAT number, else same name and postcode. */
  private async findExisting(
    exact: ExactClient,
    account: ExactAccountWrite,
  ): Promise<ExactAccount | null> {
    const rules: string[] = [];
    if (account.VATNumber) rules.push(eq('VATNumber', odata.string(account.VATNumber)));
    if (account.Postcode)
      rules.push(
        and(eq('Name', odata.string(account.Name)), eq('Postcode', odata.string(account.Postcode))),
      );
    for (const filter of rules) {
      const matches = await accounts.find(exact, filter);
      if (matches.length === 1) return matches[0];
      if (matches.length > 1) {
        const candidates = matches
          .map((m) => `${m.Code?.trim() ?? '?'} ${m.Name} (${m.ID})`)
          .join('; ');
        throw new MappingError(
          `more than one Exact account matches ${filter}: ${candidates}. Link one by hand or make them distinct, then retry.`,
        );
      }
    }
    return null;
  }

  private newLink(
    connection: ConnectionEntity,
    partnerId: number,
    exactId: string,
    sentHash: string | null,
  ) {
    return {
      connectionId: connection.id,
      kind: 'partner' as const,
      odooModel: 'res.partner',
      odooId: partnerId,
      exactEntity: accounts.path,
      exactId,
      sentHash,
    };
  }

  /** A job recorded before its connection existed: hand it to the connections that exist now. */
  private async routeToConnections(
    job: ClaimedJob,
    payload: PartnerJobPayload,
  ): Promise<Record<string, unknown>> {
    const connections = (
      await this.connections.findForOdooRecord(payload.db, payload.companyId)
    ).filter((c) => c.features.contacts);
    if (connections.length === 0) {
      throw new MappingError(
        `no connection is set up for Odoo database '${payload.db}'${payload.companyId ? ` company ${payload.companyId}` : ''}; create it, then retry`,
      );
    }
    const jobs = await Promise.all(
      connections.map((c) =>
        this.partnerJobs.enqueue(c, payload, job.correlationId ?? `job-${job.id}`),
      ),
    );
    return { action: 'routed', jobIds: jobs.map((j) => j.id) };
  }
}
