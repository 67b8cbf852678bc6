import { JOB_KINDS } from '@app/contracts';
import type { EnqueueRequest } from '../jobs/sync-job-queue';

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
