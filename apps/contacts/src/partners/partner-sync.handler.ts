import { RetryLaterError } from '@app/common';
import { JOB_KINDS } from '@app/contracts';
import { OdooClient, OdooPartner, readPartner } from '@app/odoo-client';
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
  OdooRecordJobs,
} from '@app/sync-queue';
import { AccountSync, PlannedAccountDecision } from './account-sync.service';
import { isContactPerson } from './contact-person.mapper';
import { isPartnerInScope } from './partner-account.mapper';
import { CONTACT_SYNC, PartnerJobPayload, PartnerJobsService } from './partner-jobs.service';
import { PersonSync } from './person-sync.service';

/** A person whose company has no account yet waits this long for the company's job. */
const COMPANY_FIRST_RETRY_MS = 3_000;

/**
 * contact.sync: reads the partner from Odoo and brings Exact Online in line with it — the account of
 * a customer or supplier (AccountSync), or the crm/Contact of a person of such a company (PersonSync).
 */
@JobHandler(JOB_KINDS.contactSync)
export class PartnerSyncHandler implements SyncJobHandler {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly links: EntityLinkStore,
    private readonly queue: SyncJobQueue,
    private readonly partnerJobs: PartnerJobsService,
    private readonly records: OdooRecordJobs,
    private readonly accountSync: AccountSync,
    private readonly personSync: PersonSync,
  ) {}

  async handle(job: ClaimedJob, run: JobRun): Promise<Record<string, unknown>> {
    const payload = job.payload as PartnerJobPayload;
    if (job.connectionId === null) return this.records.routeUnmatched(CONTACT_SYNC, job);
    const connection = await readyConnection(this.connections, job.connectionId, 'contacts');
    if (!connection) return skipped('contacts are switched off for this connection');

    const odoo = this.clients.odoo(connection);
    const partner = await readPartner(odoo, payload.resId);
    if (!partner) return skipped(`res.partner ${payload.resId} no longer exists in Odoo`);
    run.setLabel(partner.name);
    if (partner.parentId !== null) return this.syncPerson(job, connection, odoo, partner);

    if (!payload.ensure && !isPartnerInScope(partner, connectionSettings(connection).partnerRanks))
      return skipped(
        `neither a customer nor a supplier as this connection counts them (${connectionSettings(connection).partnerRanks.join(', ')})`,
      );
    return this.accountSync.sync(
      connection,
      this.clients.exact(connection),
      partner,
      this.planned(job, payload),
    );
  }

  /** The initial sync's decision, spent before it is acted on (see AccountSync). */
  private planned(job: ClaimedJob, payload: PartnerJobPayload): PlannedAccountDecision | undefined {
    if (!payload.setup) return undefined;
    return { decision: payload.setup, spend: () => this.queue.forgetPayloadKey(job.id, 'setup') };
  }

  private async syncPerson(
    job: ClaimedJob,
    connection: ConnectionEntity,
    odoo: OdooClient,
    person: OdooPartner,
  ): Promise<Record<string, unknown>> {
    if (!isContactPerson(person))
      return skipped(`a ${person.type} address of res.partner ${person.parentId}, not a person`);
    if (!person.active)
      return skipped('archived in Odoo; an Exact contact has no archive flag and is left as it is');
    const companyLink = await this.links.find(connection.id, 'partner', person.commercialPartnerId);
    if (!companyLink) {
      const company = await readPartner(odoo, person.commercialPartnerId);
      if (!company || !isPartnerInScope(company, connectionSettings(connection).partnerRanks))
        return skipped(
          `the company (res.partner ${person.commercialPartnerId}) is not synced to Exact Online`,
        );
      // The company's own job creates its account (one job per partner: never two creates at once).
      await this.partnerJobs.enqueue(
        connection,
        { ...(job.payload as PartnerJobPayload), resId: company.id, setup: undefined },
        job.correlationId ?? `job-${job.id}`,
      );
      throw new RetryLaterError(
        `waiting for the Exact account of ${company.name} (res.partner ${company.id}) to be created first`,
        new Date(Date.now() + COMPANY_FIRST_RETRY_MS),
      );
    }
    return this.personSync.sync(
      connection,
      this.clients.exact(connection),
      person,
      companyLink.exactId,
    );
  }
}
