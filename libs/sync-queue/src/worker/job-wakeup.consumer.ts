import { SYNC_JOB_READY_ANY } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, RmqContext } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { JobWorker } from './job-worker';

/** A SyncJobReady (e.g. after an operator's retry) makes this process look for due jobs at once. */
@Controller()
export class JobWakeupConsumer {
  constructor(private readonly worker: JobWorker) {}

  @EventPattern<string>(SYNC_JOB_READY_ANY)
  onJobReady(@Ctx() context: RmqContext): void {
    (context.getChannelRef() as Channel).ack(context.getMessage() as ConsumeMessage);
    this.worker.wake();
  }
}
