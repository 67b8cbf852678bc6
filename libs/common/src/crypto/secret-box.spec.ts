import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe(SecretBox.name, () => {
  const key = randomBytes(32).toString('base64');
  const box = new SecretBox(key);

  it('round-trips a secret and never stores the plaintext', () => {
    const stored = box.encrypt('odoo-api-key-123', 'connection-1');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('odoo-api-key-123');
    expect(box.decrypt(stored, 'connection-1')).toBe('odoo-api-key-123');
  });

  it('uses a fresh IV for every encryption', () => {
    expect(box.encrypt('same', 'a')).not.toBe(box.encrypt('same', 'a'));
  });

  it.each([
    ['another row', (s: string) => box.decrypt(s, 'connection-2')],
    [
      'another key',
      (s: string) => new SecretBox(randomBytes(32).toString('base64')).decrypt(s, 'connection-1'),
    ],
    [
      'a flipped bit',
      (s: string) => {
        const raw = Buffer.from(s.slice(3), 'base64');
        raw[raw.length - 1] ^= 1;
        return box.decrypt(`v1:${raw.toString('base64')}`, 'connection-1');
      },
    ],
  ])('refuses a ciphertext moved to %s', (_case, attempt) => {
    const stored = box.encrypt('secret', 'connection-1');
    expect(() => attempt(stored)).toThrow();
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
