import { isTransientDatabaseError } from '@app/common';
import {
  ODOO_EVENTS_EXCHANGE,
  ParseResult,
  RejectedMessage,
  describeRejectedDelivery,
  serviceQueue,
  settleRejected,
} from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RmqContext } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, ConsumeMessage } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { SyncJobQueue } from '../jobs/sync-job-queue';
import { JobWorker } from '../worker/job-worker';
import { SYNC_WORKER_OPTIONS } from '../worker/worker.options';
import type { SyncWorkerOptions } from '../worker/worker.options';

export type IntakeOutcome = 'processed' | 'duplicate' | 'rejected' | 'requeued';

const REQUEUE_DELAY_MS = 2000;

/**
 * Turns a delivered message into sync jobs exactly once:
 * - an invalid message is recorded as a dead job with the reason and dead-lettered;
 * - otherwise, in one transaction, its id goes into the inbox (a message already there is a
 *   duplicate and changes nothing) and `handle` enqueues its jobs;
 * - the delivery is acknowledged only after that transaction committed; if the database is
 *   unavailable the delivery is requeued after a pause, so nothing is lost.
 */
@Injectable()
export class EventIntakeService {
  private readonly log = new Logger(EventIntakeService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: SyncJobQueue,
    private readonly worker: JobWorker,
    @Inject(SYNC_WORKER_OPTIONS) private readonly options: SyncWorkerOptions,
  ) {}

  async consume<T extends { id: string }>(
    context: RmqContext,
    body: unknown,
    parse: (body: unknown) => ParseResult<T>,
    handle: (message: T, manager: EntityManager) => Promise<void>,
  ): Promise<IntakeOutcome> {
    const channel = context.getChannelRef() as Channel;
    const delivery = context.getMessage() as ConsumeMessage;
    const parsed = parse(body);
    if (!parsed.ok) {
      await this.reject(channel, delivery, parsed.reason);
      return 'rejected';
    }
    try {
      const fresh = await this.db.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING message_id`,
          [this.consumer, parsed.value.id],
        );
        if (inserted.length === 0) return false;
        await handle(parsed.value, manager);
        return true;
      });
      channel.ack(delivery);
      if (fresh) this.worker.wake();
      return fresh ? 'processed' : 'duplicate';
    } catch (error) {
      if (isTransientDatabaseError(error)) {
        this.log.warn(
          `database unavailable (${(error as Error).message}); message ${parsed.value.id} requeued`,
        );
        await new Promise((resolve) => setTimeout(resolve, REQUEUE_DELAY_MS));
        channel.nack(delivery, false, true);
        return 'requeued';
      }
      await this.reject(channel, delivery, `processing failed: ${(error as Error).message}`);
      return 'rejected';
    }
  }

  /** Stores a rejected delivery as a dead job; used by the transport for bodies that are not JSON. */
  readonly recordRejected = async (rejected: RejectedMessage): Promise<void> => {
    await this.queue.recordRejectedMessage({
      ...rejected,
      // Events come from Odoo; anything else on our queues comes from the connector itself.
      errorClass: rejected.exchange === ODOO_EVENTS_EXCHANGE ? 'odoo' : 'connector',
    });
  };

  private get consumer(): string {
    return serviceQueue(this.options.service);
  }

  private async reject(channel: Channel, delivery: ConsumeMessage, reason: string): Promise<void> {
    await settleRejected(
      channel,
      delivery,
      describeRejectedDelivery(this.consumer, delivery, reason),
      this.recordRejected,
      this.log,
    );
  }
}
