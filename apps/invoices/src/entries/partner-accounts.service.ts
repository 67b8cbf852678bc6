import { MappingError, RetryLaterError } from '@app/common';
import { CONTACTS_PATTERNS, ContactsEnsureReply } from '@app/contracts';
import { ExactSyncRpc } from '@app/sync-queue';
import { Injectable } from '@nestjs/common';

const ENSURE_TIMEOUT_MS = 45_000;

/** The Exact account of an invoice's partner, from the contacts service (which creates it if need be). */
@Injectable()
export class PartnerAccounts {
  constructor(private readonly rpc: ExactSyncRpc) {}

  async ensure(connectionId: string, partnerId: number): Promise<string> {
    let reply: ContactsEnsureReply;
    try {
      reply = await this.rpc.send<ContactsEnsureReply>(
        CONTACTS_PATTERNS.ensure,
        { connectionId, partnerId },
        ENSURE_TIMEOUT_MS,
      );
    } catch (error) {
      throw new RetryLaterError(
        `the contacts service did not answer for res.partner ${partnerId} (${(error as Error).message})`,
        new Date(Date.now() + 30_000),
      );
    }
    if (reply.ok) return reply.exactAccountId;
    const message = `the partner's Exact account: ${reply.message}`;
    if (reply.retryable)
      throw new RetryLaterError(
        message,
        reply.retryAt ? new Date(reply.retryAt) : new Date(Date.now() + 30_000),
      );
    throw new MappingError(message);
  }
}
