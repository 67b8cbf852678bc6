import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { SandboxClock } from '../control/sandbox-clock';
import { PAYMENT_TERMS_STORE, TERM_STATUS } from './entity-sets';
import { round2 } from './exact-rules';
import { ExactRecord, ExactStore } from './exact-store.service';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';

/**
 * What an accountant does in Exact that the API cannot: match a bank payment with an invoice, or
 * undo that match. It changes the invoice's payment terms (and their Timestamps) the way
 * sync/Cashflow/PaymentTerms then shows them.
 */
@Injectable()
export class ExactCashflow {
  constructor(
    private readonly store: ExactStore,
    private readonly clock: SandboxClock,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  /** Matches `amount` (DC) of the open term of an entry; a smaller amount splits the term. */
  pay(
    division: number,
    origin: string,
    entryId: string,
    amount: number,
    date?: string,
  ): ExactRecord[] {
    const terms = this.termsOf(division, entryId);
    const open = terms.find((term) => term.Status === TERM_STATUS.open);
    if (!open) throw new BadRequestException(`entry ${entryId} has nothing left to pay`);
    if (!(amount > 0)) throw new BadRequestException('amount must be positive');
    const paidOn = date ? new Date(`${date}T00:00:00Z`) : this.clock.now();
    const openAmount = Number(open.AmountDC);
    if (amount >= openAmount) {
      this.store.update(division, PAYMENT_TERMS_STORE, open, {
        Status: TERM_STATUS.matched,
        LastPaymentDate: paidOn,
        EndDate: paidOn,
      });
    } else {
      const rate = Number(open.AmountFC) === 0 ? 1 : Number(open.AmountDC) / Number(open.AmountFC);
      this.store.update(division, PAYMENT_TERMS_STORE, open, {
        AmountDC: round2(openAmount - amount),
        AmountFC: round2((openAmount - amount) / rate),
        LastPaymentDate: paidOn,
      });
      const { ID: _id, EntryID: _entry, Timestamp: _timestamp, ...copy } = open;
      this.store.insert(division, PAYMENT_TERMS_STORE, {
        ...copy,
        AmountDC: round2(amount),
        AmountFC: round2(amount / rate),
        Status: TERM_STATUS.matched,
        LastPaymentDate: paidOn,
        EndDate: paidOn,
        EntryID: randomUUID(),
      });
    }
    this.settleFullyPaid(division, entryId);
    return this.announced(division, origin, entryId);
  }

  /** Undoes every match of an entry: one open term for the whole amount again. */
  reopen(division: number, origin: string, entryId: string): ExactRecord[] {
    const terms = this.termsOf(division, entryId);
    if (!terms.some((term) => term.Status === TERM_STATUS.matched))
      throw new BadRequestException(`entry ${entryId} has no matched payment`);
    const [keep, ...rest] = terms;
    for (const term of rest) this.store.remove(division, PAYMENT_TERMS_STORE, term);
    this.store.update(division, PAYMENT_TERMS_STORE, keep, {
      AmountDC: keep.TransactionAmountDC,
      AmountFC: keep.TransactionAmountFC,
      Status: TERM_STATUS.open,
      IsFullyPaid: false,
      EndDate: null,
    });
    return this.announced(division, origin, entryId);
  }

  /** A match made or undone is an update of the entry's financial transaction for webhooks; answers the terms. */
  private announced(division: number, origin: string, entryId: string): ExactRecord[] {
    this.webhooks.notify(
      this.store,
      division,
      origin,
      'FinancialTransactions',
      'Update',
      entryId,
      'financialtransaction/Transactions',
    );
    return this.termsOf(division, entryId);
  }

  private settleFullyPaid(division: number, entryId: string): void {
    const terms = this.termsOf(division, entryId);
    if (terms.every((term) => term.Status === TERM_STATUS.matched)) {
      for (const term of terms)
        this.store.update(division, PAYMENT_TERMS_STORE, term, { IsFullyPaid: true });
    }
  }

  private termsOf(division: number, entryId: string): ExactRecord[] {
    const terms = this.store
      .all(division, PAYMENT_TERMS_STORE)
      .filter((term) => String(term.TransactionEntryID).toLowerCase() === entryId.toLowerCase());
    if (terms.length === 0)
      throw new NotFoundException(`no payment terms for entry ${entryId} in division ${division}`);
    return terms;
  }
}
