import { JOB_KINDS, OdooCloudEvent } from '@app/contracts';
import {
  ConnectionDirectory,
  ConnectionEntity,
  EnqueueRequest,
  EnqueueResult,
  SyncJobQueue,
} from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountDecision } from './account-matching';

/** What a contact.sync job carries: the Odoo record's identity, never its data. */
export interface PartnerJobPayload {
  [key: string]: unknown;
  db: string;
  companyId: number | null;
  partnerId: number;
  source: string;
  /** Asked for by contacts.ensure (an invoice needs the account): sync even outside the ranks. */
  ensure?: boolean;
  /** The initial sync's decision, taken against a bulk read of Exact; used once. */
  setup?: AccountSetupHint;
}

/** What the initial-sync planner decided for a partner that is not linked yet. */
export type AccountSetupHint = AccountDecision;

/** Turns partner events into contact.sync jobs, one per connection the partner belongs to. */
@Injectable()
export class PartnerJobsService {
  constructor(
    private readonly queue: SyncJobQueue,
    private readonly connections: ConnectionDirectory,
  ) {}

  async enqueueForEvent(event: OdooCloudEvent, manager: EntityManager): Promise<EnqueueResult[]> {
    const payload: PartnerJobPayload = {
      db: event.data.db,
      companyId: event.data.company_id ?? null,
      partnerId: event.data.res_id,
      source: event.source,
    };
    const connections = await this.connections.findForOdooRecord(
      payload.db,
      payload.companyId,
      manager,
    );
    if (connections.length === 0) {
      // Kept as a job so the operator sees it; it fails until a connection exists, then a retry runs it.
      return [await this.enqueue(null, payload, event.id, manager)];
    }
    const results: EnqueueResult[] = [];
    for (const connection of connections.filter((c) => c.features.contacts)) {
      results.push(await this.enqueue(connection, payload, event.id, manager));
    }
    return results;
  }

  enqueue(
    connection: ConnectionEntity | null,
    payload: PartnerJobPayload,
    correlationId: string,
    manager?: EntityManager,
  ): Promise<EnqueueResult> {
    return this.queue.enqueue({ ...this.request(connection, payload), correlationId }, manager);
  }

  /** The contact.sync job for a partner: one per partner and connection while it has work ahead. */
  request(connection: ConnectionEntity | null, payload: PartnerJobPayload): EnqueueRequest {
    const scope = connection
      ? connection.id
      : `unmatched:${payload.db}:${payload.companyId ?? '*'}`;
    return {
      kind: JOB_KINDS.contactSync,
      direction: 'odoo_to_exact',
      connectionId: connection?.id ?? null,
      sourceModel: 'res.partner',
      sourceId: String(payload.partnerId),
      sourceRef: `res.partner/${payload.partnerId}`,
      dedupKey: `${JOB_KINDS.contactSync}:${scope}:${payload.partnerId}`,
      payload,
    };
  }
}
