import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `Content` of an Exact webhook delivery. */
export interface ExactWebhookContent {
  Topic: string;
  ClientId: string;
  Division: number;
  Action: 'Create' | 'Update' | 'Delete';
  Key: string;
  ExactOnlineEndpoint?: string;
  EventCreatedOn?: string;
}

export type WebhookVerification =
  { valid: true; content: ExactWebhookContent } | { valid: false; reason: string };

const ENVELOPE = /^\s*\{\s*"Content"\s*:\s*(\{[\s\S]*\})\s*,\s*"HashCode"\s*:\s*"([^"]*)"\s*\}\s*$/;

/**
 * Checks an Exact webhook delivery: `HashCode` is the uppercase hex HMAC-SHA256 of the raw JSON of
 * `Content` (the characters between `{"Content":` and `,"HashCode"`) keyed with the app's webhook
 * secret. Works on the raw body — re-serialising the parsed JSON would change the bytes. An empty
 * body (Exact's validation POST when subscribing) is not a delivery.
 */
export function verifyWebhookHashCode(rawBody: string, secret: string): WebhookVerification {
  const match = ENVELOPE.exec(rawBody);
  if (!match)
    return { valid: false, reason: 'not an Exact webhook envelope {"Content":…,"HashCode":…}' };
  const [, contentJson, presented] = match;
  if (!/^[0-9A-Fa-f]{64}$/.test(presented))
    return { valid: false, reason: 'HashCode is not 64 hex characters' };
  const expected = createHmac('sha256', secret).update(contentJson, 'utf8').digest();
  if (!timingSafeEqual(expected, Buffer.from(presented, 'hex')))
    return { valid: false, reason: 'HashCode does not match' };
  try {
    return { valid: true, content: JSON.parse(contentJson) as ExactWebhookContent };
  } catch {
    return { valid: false, reason: 'Content is not JSON' };
  }
}
