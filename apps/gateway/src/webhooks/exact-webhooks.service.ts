import { JOB_KINDS } from '@app/contracts';
import {
  ExactWebhookSubscription,
  verifyWebhookHashCode,
  webhookSubscriptions,
} from '@app/exact-client';
import {
  ConnectionClients,
  ConnectionEntity,
  JobNotifier,
  SyncJobQueue,
  paymentPollRequest,
} from '@app/sync-queue';
import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';

/** Exact's webhook topic for entries and their payments (matching a payment changes the entry). */
export const PAYMENTS_TOPIC = 'FinancialTransactions';

/**
 * Exact Online webhooks: a delivery with a valid HashCode for a division triggers the payment poll
 * of its connections at once (the poll reads what changed; the notification only says that
 * something did). The validation POST Exact sends when subscribing (an empty body) is answered 2xx.
 */
@Injectable()
export class ExactWebhooksService {
  private readonly log = new Logger(ExactWebhooksService.name);

  constructor(
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
    private readonly clients: ConnectionClients,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async receive(rawBody: string): Promise<{ polls: number }> {
    if (rawBody.trim() === '') return { polls: 0 };
    if (!this.config.EXACT_WEBHOOK_SECRET)
      throw new ServiceUnavailableException('EXACT_WEBHOOK_SECRET is not set: webhooks are off');
    const verified = verifyWebhookHashCode(rawBody, this.config.EXACT_WEBHOOK_SECRET);
    if (!verified.valid) {
      this.log.warn(`refused an Exact webhook delivery: ${verified.reason}`);
      throw new UnauthorizedException(`not a valid Exact webhook delivery: ${verified.reason}`);
    }
    const { Topic, Division } = verified.content;
    if (Topic !== PAYMENTS_TOPIC) return { polls: 0 };
    const due = (
      await this.connections.findBy({ exactDivision: Number(Division), status: 'ready' })
    ).filter((c) => c.features.payments);
    return { polls: (await this.poll(due, 'webhook')).length };
  }

  /** An operator's "look for payments now". */
  async pollNow(connectionId: string): Promise<{ jobId: string }> {
    const connection = await this.connections.findOneBy({ id: connectionId });
    if (!connection) throw new NotFoundException(`connection ${connectionId} does not exist`);
    if (!connection.features.payments)
      throw new ConflictException(`payments are switched off for '${connection.name}'`);
    const [job] = await this.poll([connection], 'operator');
    return { jobId: job.id };
  }

  private async poll(connections: ConnectionEntity[], trigger: string) {
    const jobs = [];
    for (const connection of connections) {
      const job = await this.queue.enqueue(paymentPollRequest(connection.id, trigger));
      jobs.push({ id: job.id, kind: JOB_KINDS.paymentPoll });
    }
    await this.notifier.jobsReady(jobs);
    return jobs;
  }

  /** Subscribes the connection's division to payment changes, with this gateway as the callback. */
  async subscribe(connectionId: string, callbackUrl: string): Promise<ExactWebhookSubscription> {
    const connection = await this.connections.findOneBy({ id: connectionId });
    if (!connection) throw new NotFoundException(`connection ${connectionId} does not exist`);
    if (connection.status !== 'ready')
      throw new ConflictException(
        `connection '${connection.name}' is ${connection.status}: authorize it and pin a division first`,
      );
    if (!this.config.EXACT_WEBHOOK_SECRET)
      throw new ConflictException(
        'set EXACT_WEBHOOK_SECRET (the App Center webhook secret) first, or deliveries cannot be checked',
      );
    const exact = this.clients.exact(connection);
    const existing = (await webhookSubscriptions.find(exact)).find(
      (s) => s.Topic === PAYMENTS_TOPIC && s.CallbackURL === callbackUrl,
    );
    return (
      existing ??
      webhookSubscriptions.create(exact, {
        CallbackURL: callbackUrl,
        Topic: PAYMENTS_TOPIC,
        Description: `Odoo connector: payments of '${connection.name}'`,
      })
    );
  }
}
