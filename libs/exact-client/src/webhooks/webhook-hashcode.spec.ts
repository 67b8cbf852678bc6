import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyWebhookHashCode } from './webhook-hashcode';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/exact', name), 'utf8');
const sign = (content: string, secret: string) =>
  createHmac('sha256', secret).update(content).digest('hex').toUpperCase();

describe(verifyWebhookHashCode.name, () => {
  const secret = 'webhook-secret-123';

  it('accepts a real delivery body re-signed with a known secret, reading the raw Content', () => {
    // The published delivery's secret is not public: sign its exact Content bytes ourselves.
    const body = fixture('webhook_salesorders_update_zangra.json').trim();
    const content = body.slice('{"Content":'.length, body.lastIndexOf(',"HashCode":'));
    const signed = `{"Content":${content},"HashCode":"${sign(content, secret)}"}`;
    const result = verifyWebhookHashCode(signed, secret);
    expect(result).toEqual({
      valid: true,
      content: expect.objectContaining({
        Topic: 'SalesOrders',
        Division: 441609,
        Action: 'Update',
      }),
    });
  });

  it('signs the raw bytes, not a re-serialisation (pretty-printed Content)', () => {
    const content =
      '{\n    "Topic": "Accounts",\n    "Action": "Update",\n    "Key": "d4d4c8b6-1a2b-4c3d-9e8f-1234567890ab",\n    "Division": 123456\n  }';
    const body = `{\n  "Content": ${content},\n  "HashCode": "${sign(content, secret)}"\n}`;
    expect(verifyWebhookHashCode(body, secret).valid).toBe(true);
    expect(verifyWebhookHashCode(body.replace('"Update"', '"Delete"'), secret)).toEqual({
      valid: false,
      reason: 'HashCode does not match',
    });
  });

  it.each([
    [
      'the illustrative delivery with a placeholder HashCode',
      fixture('webhook_accounts_update_hookdeck_illustrative.json'),
      'test_exact_webhook_secret',
    ],
    [
      'a real delivery under another secret',
      fixture('webhook_bankentries_update_zorgportal.json'),
      secret,
    ],
    ['an empty validation POST', '', secret],
    ['a body without HashCode', '{"Content":{"Topic":"Accounts"}}', secret],
    ['a short HashCode', '{"Content":{"Topic":"Accounts"},"HashCode":"ABC"}', secret],
  ])('refuses %s', (_case, body, key) => {
    expect(verifyWebhookHashCode(body, key).valid).toBe(false);
  });
});
