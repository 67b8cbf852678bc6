import { JOB_KINDS } from '@app/contracts';
import { ConnectionEntity, JobNotifier, SyncJobQueue, paymentPollRequest } from '@app/sync-queue';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../payments.config';

const INTERVAL_NAME = 'payments-poll';

/**
 * Every PAYMENTS_POLL_INTERVAL_MS, a payment.poll job for each ready connection with payments
 * switched on. Ticks never overlap in a process, and the jobs themselves are one per connection
 * across every replica (see paymentPollRequest); a connection with payments off gets no poll at all.
 */
@Injectable()
export class PaymentPollScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(PaymentPollScheduler.name);
  private ticking = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.addInterval(
      INTERVAL_NAME,
      setInterval(() => void this.tick(), this.config.PAYMENTS_POLL_INTERVAL_MS),
    );
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME))
      this.scheduler.deleteInterval(INTERVAL_NAME);
  }

  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const due = (await this.connections.findBy({ status: 'ready' })).filter(
        (c) => c.features.payments,
      );
      const jobs = [];
      for (const connection of due) {
        const job = await this.queue.enqueue(paymentPollRequest(connection.id, 'schedule'));
        jobs.push({ id: job.id, kind: JOB_KINDS.paymentPoll });
      }
      await this.notifier.jobsReady(jobs);
    } catch (error) {
      this.log.error(`could not schedule the payment polls: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }
}
