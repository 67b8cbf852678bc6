import { JOB_KINDS } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EnqueueRequest } from '../jobs/sync-job-queue';
import { SyncJobQueue } from '../jobs/sync-job-queue';
import { JobNotifier } from '../messaging/job-notifier.service';

/**
 * The payment poll of a connection. One job per connection while it has work ahead, so polls of a
 * connection never overlap, whichever replica or trigger (schedule, webhook) asked for it; a poll
 * asked for while one runs makes it run once more.
 */
export function paymentPollRequest(connectionId: string, trigger: string): EnqueueRequest {
  return {
    kind: JOB_KINDS.paymentPoll,
    direction: 'exact_to_odoo',
    connectionId,
    sourceRef: `payment-poll/${connectionId}`,
    dedupKey: `${JOB_KINDS.paymentPoll}:${connectionId}`,
    payload: { trigger },
  };
}

/** Asks for the payment polls of connections (schedule, webhook, operator) and wakes the payments service. */
@Injectable()
export class PaymentPolls {
  constructor(
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
  ) {}

  async request(connectionIds: string[], trigger: string): Promise<{ id: string }[]> {
    const jobs = await this.queue.enqueueAll(
      connectionIds.map((id) => paymentPollRequest(id, trigger)),
    );
    await this.notifier.jobsReady(jobs);
    return jobs;
  }
}
