import { ConnectionEntity, PaymentPolls } from '@app/sync-queue';
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
    private readonly polls: PaymentPolls,
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
      await this.polls.request(
        due.map((c) => c.id),
        'schedule',
      );
    } catch (error) {
      this.log.error(`could not schedule the payment polls: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }
}
