import { EntitySetApi } from './entity-set-api';

export interface ExactWebhookSubscription {
  ID: string;
  CallbackURL: string;
  Topic: string;
  Description: string | null;
}

/** webhooks/WebhookSubscriptions: one topic per subscription; Exact POSTs to the callback to validate it. */
export const webhookSubscriptions = new EntitySetApi<
  ExactWebhookSubscription,
  { CallbackURL: string; Topic: string; Description?: string }
>('webhooks/WebhookSubscriptions', ['ID', 'CallbackURL', 'Topic', 'Description']);
