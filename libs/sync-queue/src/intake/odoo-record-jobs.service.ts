import { MappingError } from '@app/common';
import type { OdooCloudEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConnectionDirectory } from '../connections/connection-directory';
import { ConnectionEntity } from '../entities/connection.entity';
import type { ClaimedJob } from '../jobs/claimed-job';
import type { JobDirection } from '../jobs/job-state';
import { EnqueueRequest, EnqueueResult, SyncJobQueue } from '../jobs/sync-job-queue';

/** What a job about one Odoo record carries: the record's identity, never its data. */
export interface OdooRecordPayload {
  [key: string]: unknown;
  db: string;
  companyId: number | null;
  resId: number;
  source: string;
}

/** A kind of job about Odoo records of one model. */
export interface OdooRecordJobKind {
  kind: string;
  model: string;
  direction: JobDirection;
  /** Whether a connection syncs these records (its feature switches). */
  accepts(connection: ConnectionEntity): boolean;
}

/**
 * Turns an Odoo record's event into one job per connection the record belongs to (same database and
 * company). With no such connection yet the event is kept as a job without connection, so the
 * operator sees it; once the connection exists, a retry hands it to it (`routeUnmatched`).
 */
@Injectable()
export class OdooRecordJobs {
  constructor(
    private readonly queue: SyncJobQueue,
    private readonly connections: ConnectionDirectory,
  ) {}

  async enqueueForEvent(
    kind: OdooRecordJobKind,
    event: OdooCloudEvent,
    manager: EntityManager,
  ): Promise<EnqueueResult[]> {
    const payload: OdooRecordPayload = {
      db: event.data.db,
      companyId: event.data.company_id ?? null,
      resId: event.data.res_id,
      source: event.source,
    };
    const connections = await this.connections.findForOdooRecord(
      payload.db,
      payload.companyId,
      manager,
    );
    if (connections.length === 0)
      return [await this.enqueue(kind, null, payload, event.id, manager)];
    const results: EnqueueResult[] = [];
    for (const connection of connections.filter((c) => kind.accepts(c)))
      results.push(await this.enqueue(kind, connection, payload, event.id, manager));
    return results;
  }

  enqueue(
    kind: OdooRecordJobKind,
    connection: ConnectionEntity | null,
    payload: OdooRecordPayload,
    correlationId: string,
    manager?: EntityManager,
  ): Promise<EnqueueResult> {
    return this.queue.enqueue(
      { ...this.request(kind, connection, payload), correlationId },
      manager,
    );
  }

  /** The job for a record: one per record and connection while it has work ahead. */
  request(
    kind: OdooRecordJobKind,
    connection: ConnectionEntity | null,
    payload: OdooRecordPayload,
  ): EnqueueRequest {
    const scope = connection
      ? connection.id
      : `unmatched:${payload.db}:${payload.companyId ?? '*'}`;
    return {
      kind: kind.kind,
      direction: kind.direction,
      connectionId: connection?.id ?? null,
      sourceModel: kind.model,
      sourceId: String(payload.resId),
      sourceRef: `${kind.model}/${payload.resId}`,
      dedupKey: `${kind.kind}:${scope}:${payload.resId}`,
      payload,
    };
  }

  /** A job recorded before its connection existed: hand it to the connections that exist now. */
  async routeUnmatched(kind: OdooRecordJobKind, job: ClaimedJob): Promise<Record<string, unknown>> {
    const payload = job.payload as OdooRecordPayload;
    const connections = (
      await this.connections.findForOdooRecord(payload.db, payload.companyId)
    ).filter((c) => kind.accepts(c));
    if (connections.length === 0) {
      throw new MappingError(
        `no connection is set up for Odoo database '${payload.db}'${payload.companyId ? ` company ${payload.companyId}` : ''}; create it, then retry`,
      );
    }
    const jobs = await Promise.all(
      connections.map((c) => this.enqueue(kind, c, payload, job.correlationId ?? `job-${job.id}`)),
    );
    return { action: 'routed', jobIds: jobs.map((j) => j.id) };
  }
}
