import {
  ExactWebhookSubscription,
  verifyWebhookHashCode,
  webhookSubscriptions,
} from '@app/exact-client';
import { ConnectionClients, ConnectionEntity, PaymentPolls } from '@app/sync-queue';
import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConnectionsService } from '../connections/connections.service';
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
    private readonly connectionsService: ConnectionsService,
    private readonly clients: ConnectionClients,
    private readonly polls: PaymentPolls,
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
    const jobs = await this.polls.request(
      due.map((c) => c.id),
      'webhook',
    );
    return { polls: jobs.length };
  }

  /** An operator's "look for payments now". */
  async pollNow(connectionId: string): Promise<{ jobId: string }> {
    const connection = await this.connectionsService.find(connectionId);
    if (!connection.features.payments)
      throw new ConflictException(`payments are switched off for '${connection.name}'`);
    const [job] = await this.polls.request([connection.id], 'operator');
    return { jobId: job.id };
  }

  /** Subscribes the connection's division to payment changes, with this gateway as the callback. */
  async subscribe(connectionId: string, callbackUrl: string): Promise<ExactWebhookSubscription> {
    const connection = await this.connectionsService.findReady(connectionId);
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
