import { JOB_KINDS, OdooCloudEvent } from '@app/contracts';
import {
  ConnectionEntity,
  EnqueueRequest,
  EnqueueResult,
  OdooRecordJobKind,
  OdooRecordJobs,
  OdooRecordPayload,
} from '@app/sync-queue';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountDecision } from './account-matching';

/** What a contact.sync job carries: the partner's identity (resId), never its data. */
export interface PartnerJobPayload extends OdooRecordPayload {
  /** Asked for by contacts.ensure (an invoice needs the account): sync even outside the ranks. */
  ensure?: boolean;
  /** The initial sync's decision, taken against a bulk read of Exact; used once. */
  setup?: AccountSetupHint;
}

/** What the initial-sync planner decided for a partner that is not linked yet. */
export type AccountSetupHint = AccountDecision;

export const CONTACT_SYNC: OdooRecordJobKind = {
  kind: JOB_KINDS.contactSync,
  model: 'res.partner',
  direction: 'odoo_to_exact',
  accepts: (connection) => connection.features.contacts,
};

/** contact.sync jobs: one per partner and connection while it has work ahead. */
@Injectable()
export class PartnerJobsService {
  constructor(private readonly records: OdooRecordJobs) {}

  enqueueForEvent(event: OdooCloudEvent, manager: EntityManager): Promise<EnqueueResult[]> {
    return this.records.enqueueForEvent(CONTACT_SYNC, event, manager);
  }

  enqueue(
    connection: ConnectionEntity | null,
    payload: PartnerJobPayload,
    correlationId: string,
    manager?: EntityManager,
  ): Promise<EnqueueResult> {
    return this.records.enqueue(CONTACT_SYNC, connection, payload, correlationId, manager);
  }

  request(connection: ConnectionEntity | null, payload: PartnerJobPayload): EnqueueRequest {
    return this.records.request(CONTACT_SYNC, connection, payload);
  }
}
