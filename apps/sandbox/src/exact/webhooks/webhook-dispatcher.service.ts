import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { SANDBOX_CONFIG, SandboxConfig } from '../../sandbox.config';
import { WEBHOOK_SUBSCRIPTIONS } from '../entity-sets';
import type { ExactStore } from '../exact-store.service';

export interface WebhookDelivery {
  subscriptionId: string;
  callbackUrl: string;
  body: string;
  attempt: number;
  status: number | 'no-response';
  at: string;
}

const MAX_RETRIES = 10;

/**
 * Delivers Exact webhooks: POST `{"Content":{…},"HashCode":"…"}` where HashCode is the uppercase hex
 * HMAC-SHA256 of the raw Content JSON under the app's webhook secret. A failed delivery is retried
 * 10 times, waiting 2^n times SANDBOX_EXACT_WEBHOOK_RETRY_MS (Exact's unit is not documented).
 */
@Injectable()
export class WebhookDispatcher {
  private readonly log = new Logger(WebhookDispatcher.name);
  private deliveries: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(@Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig) {}

  list(): WebhookDelivery[] {
    return this.deliveries;
  }

  reset(): void {
    this.deliveries = [];
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Announces a change to every subscription of the division on that topic. */
  notify(
    store: ExactStore,
    division: number,
    origin: string,
    topic: string,
    action: 'Create' | 'Update' | 'Delete',
    key: string,
    endpoint: string,
  ): void {
    const subscriptions = store
      .all(division, WEBHOOK_SUBSCRIPTIONS)
      .filter((s) => s.Topic === topic);
    for (const subscription of subscriptions) {
      const content = JSON.stringify({
        Topic: topic,
        ClientId: subscription.ClientID,
        Division: division,
        Action: action,
        Key: key,
        ExactOnlineEndpoint: `${origin}/api/v1/${division}/${endpoint}(guid'${key}')`,
        EventCreatedOn: new Date().toISOString().replace(/Z$/, ''),
      });
      const body = `{"Content":${content},"HashCode":"${this.hashCode(content)}"}`;
      void this.deliver(String(subscription.ID), String(subscription.CallbackURL), body, 0);
    }
  }

  /** The validation POST Exact sends (an empty body) when a subscription is created; true when answered 2xx. */
  async validateCallback(url: string): Promise<number | 'no-response'> {
    try {
      const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
      return response.status;
    } catch {
      return 'no-response';
    }
  }

  hashCode(content: string): string {
    return createHmac('sha256', this.config.SANDBOX_EXACT_WEBHOOK_SECRET)
      .update(content, 'utf8')
      .digest('hex')
      .toUpperCase();
  }

  private async deliver(
    subscriptionId: string,
    callbackUrl: string,
    body: string,
    attempt: number,
  ): Promise<void> {
    let status: number | 'no-response' = 'no-response';
    try {
      const response = await fetch(callbackUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Request-ID': randomUUID() },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
    } catch {
      // no answer: retried below
    }
    this.deliveries.push({
      subscriptionId,
      callbackUrl,
      body,
      attempt,
      status,
      at: new Date().toISOString(),
    });
    if (typeof status === 'number' && status >= 200 && status < 300) return;
    if (attempt >= MAX_RETRIES) {
      this.log.warn(`webhook to ${callbackUrl} given up after ${attempt + 1} tries`);
      return;
    }
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.deliver(subscriptionId, callbackUrl, body, attempt + 1);
      },
      this.config.SANDBOX_EXACT_WEBHOOK_RETRY_MS * 2 ** attempt,
    );
    timer.unref();
    this.timers.add(timer);
  }
}
