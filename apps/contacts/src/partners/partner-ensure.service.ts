import { ContactsEnsureReply } from '@app/contracts';
import { readPartner } from '@app/odoo-client';
import {
  ConnectionClients,
  ConnectionDirectory,
  EntityLinkStore,
  JobNotifier,
  SyncJobEntity,
} from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PartnerJobsService } from './partner-jobs.service';

const POLL_MS = 100;

/**
 * contacts.ensure: the Exact account of a partner's commercial entity, created first if need be.
 * The work goes through the partner's contact.sync job (enqueued, or the one already there), so an
 * ensure and an event for the same partner can never create two accounts; this waits for the job.
 */
@Injectable()
export class PartnerEnsureService {
  constructor(
    private readonly connections: ConnectionDirectory,
    private readonly clients: ConnectionClients,
    private readonly links: EntityLinkStore,
    private readonly partnerJobs: PartnerJobsService,
    private readonly notifier: JobNotifier,
    @InjectRepository(SyncJobEntity) private readonly jobs: Repository<SyncJobEntity>,
  ) {}

  async ensure(
    connectionId: string,
    partnerId: number,
    waitMs = 30_000,
  ): Promise<ContactsEnsureReply> {
    const connection = await this.connections.findById(connectionId);
    if (!connection) return refused('mapping', `connection ${connectionId} does not exist`);
    // The usual case (an invoice of a known customer) needs no Odoo read: only commercial partners are linked.
    const known = await this.links.find(connection.id, 'partner', partnerId);
    if (known) return { ok: true, exactAccountId: known.exactId, partnerId };
    const partner = await readPartner(this.clients.odoo(connection), partnerId);
    if (!partner) return refused('odoo', `res.partner ${partnerId} does not exist in Odoo`);
    const commercialId = partner.commercialPartnerId;
    const deadline = Date.now() + waitMs;
    // Twice at most: a job that was already queued without `ensure` may skip a partner outside the ranks.
    for (let round = 0; round < 2; round++) {
      const link = await this.links.find(connection.id, 'partner', commercialId);
      if (link) return { ok: true, exactAccountId: link.exactId, partnerId: commercialId };
      const queued = await this.partnerJobs.enqueue(
        connection,
        {
          db: connection.odooDb,
          companyId: connection.odooCompanyId,
          resId: commercialId,
          source: 'contacts.ensure',
          ensure: true,
        },
        `ensure:${connection.id}:${commercialId}`,
      );
      await this.notifier.jobsReady([{ id: queued.id, kind: 'contact.sync' }]);
      const job = await this.settled(queued.id, deadline);
      if (!job)
        return {
          ...refused(
            'connector',
            `the account of res.partner ${commercialId} is still being synced`,
            true,
          ),
          retryAt: new Date(Date.now() + 10_000).toISOString(),
          jobId: queued.id,
        };
      if (job.state !== 'done')
        return {
          ok: false,
          errorClass: job.errorClass ?? 'connector',
          retryable: job.state === 'pending' || job.errorClass !== 'mapping',
          message: `contact.sync job ${job.id} for res.partner ${commercialId}: ${job.lastError ?? job.state}`,
          ...(job.nextRunAt ? { retryAt: job.nextRunAt.toISOString() } : {}),
          jobId: job.id,
        };
    }
    return refused('mapping', `res.partner ${commercialId} was not synced to Exact Online`);
  }

  /** The job once it is done, or failed, or waiting for a later run; null when the deadline passed first. */
  private async settled(jobId: string, deadline: number): Promise<SyncJobEntity | null> {
    for (;;) {
      const job = await this.jobs.findOneByOrFail({ id: jobId });
      const inProgress =
        job.state === 'running' || (job.state === 'pending' && job.lastError === null);
      if (!inProgress) return job;
      if (Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

function refused(
  errorClass: 'mapping' | 'odoo' | 'connector',
  message: string,
  retryable = false,
): Extract<ContactsEnsureReply, { ok: false }> {
  return { ok: false, errorClass, retryable, message };
}
