import { randomUUID } from 'node:crypto';
import {
  ACCOUNTS,
  CONTACTS,
  DOCUMENT_ATTACHMENTS,
  EntitySetDefinition,
  GL_ACCOUNTS,
  GL_TYPE,
  JOURNALS,
  JOURNAL_TYPE,
  LINE_TYPE,
  PAYMENT_CONDITIONS,
  PAYMENT_TERMS_STORE,
  PURCHASE_ENTRIES,
  PURCHASE_ENTRY_LINES,
  SALES_ENTRIES,
  SALES_ENTRY_LINES,
  TERM_STATUS,
  VAT_CODES,
  WEBHOOK_TOPICS,
} from './entity-sets';
import type { ExactRecord, ExactStore } from './exact-store.service';

/** A refusal as Exact words it; `status` 500 for business rules (reference §3.7), 400 for malformed input. */
export class ExactRuleError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (what: string) => new ExactRuleError(500, `Ongeldig: ${what}`);
const invalidReference = (set: string) => new ExactRuleError(500, `Ongeldige referentie: ${set}`);

export interface EntryKind {
  party: 'Customer' | 'Supplier';
  lines: EntitySetDefinition;
  journalTypes: number[];
  types: number[];
  lineType: number;
}

/** Sales and purchase entries differ in their party, journal types, entry types and the term they leave open. */
export const ENTRY_KINDS = new Map<EntitySetDefinition, EntryKind>([
  [
    SALES_ENTRIES,
    {
      party: 'Customer',
      lines: SALES_ENTRY_LINES,
      journalTypes: [JOURNAL_TYPE.sales, JOURNAL_TYPE.returnInvoice],
      types: [20, 21],
      lineType: LINE_TYPE.receivable,
    },
  ],
  [
    PURCHASE_ENTRIES,
    {
      party: 'Supplier',
      lines: PURCHASE_ENTRY_LINES,
      journalTypes: [JOURNAL_TYPE.purchase, JOURNAL_TYPE.receivedReturnInvoice],
      types: [30, 31],
      lineType: LINE_TYPE.payable,
    },
  ],
]);

/** Balance-sheet accounts an entry line may not post to ("Ongeldig: Grootboekrekeningtype"). */
const NOT_FOR_ENTRY_LINES: number[] = [
  GL_TYPE.cash,
  GL_TYPE.bank,
  GL_TYPE.receivable,
  GL_TYPE.payable,
  GL_TYPE.vat,
];

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Exact's business rules beyond field types: account codes, entries (journal of the right type, G/L
 * accounts of the right type, VAT codes, totals, numbers, due dates, the term they leave open),
 * attachments and webhook topics. Called by ExactApi around inserts, updates and deletes.
 */
export class ExactRules {
  constructor(
    private readonly store: ExactStore,
    private readonly division: number,
    private readonly today: Date,
  ) {}

  beforeInsert(set: EntitySetDefinition, values: ExactRecord): void {
    if (set === ACCOUNTS) this.account(values, null);
    if (set === CONTACTS) this.contact(values);
    const kind = ENTRY_KINDS.get(set);
    if (kind) this.entryHeader(kind, values);
    if (set === SALES_ENTRY_LINES || set === PURCHASE_ENTRY_LINES) {
      const parent = this.parentOfLine(set, values.EntryID);
      this.entryLine(set, kindOfLines(set), values, parent);
    }
    if (set === DOCUMENT_ATTACHMENTS) this.attachment(values);
    if (
      set.path === 'webhooks/WebhookSubscriptions' &&
      !WEBHOOK_TOPICS.includes(String(values.Topic))
    ) {
      throw new ExactRuleError(400, `Invalid: Topic '${values.Topic}'`);
    }
  }

  /** Validates the lines posted with an entry header and fills what Exact computes on them. */
  entryLines(set: EntitySetDefinition, lines: ExactRecord[], header: ExactRecord): void {
    const kind = ENTRY_KINDS.get(set)!;
    if (lines.length === 0)
      throw new ExactRuleError(
        400,
        `Mandatory: ${kind.lines === SALES_ENTRY_LINES ? 'SalesEntryLines' : 'PurchaseEntryLines'}`,
      );
    lines.forEach((line, index) => {
      for (const field of ['AmountFC', 'GLAccount']) {
        if (line[field] === undefined || line[field] === null)
          throw new ExactRuleError(400, `Mandatory: ${field}`);
      }
      line.LineNumber = index + 1;
      this.entryLine(kind.lines, kind, line, header);
    });
  }

  beforeUpdate(set: EntitySetDefinition, record: ExactRecord, values: ExactRecord): void {
    if (set === ACCOUNTS) this.account(values, record);
    const kind = ENTRY_KINDS.get(set);
    if (kind) {
      const lines = set === SALES_ENTRIES ? 'SalesEntryLines' : 'PurchaseEntryLines';
      if (lines in values)
        throw new ExactRuleError(
          400,
          `${lines} cannot be updated with the header; post or delete single lines`,
        );
      this.entryHeader(kind, { ...record, ...values }, values);
    }
  }

  /** After an entry or a line changed: header totals and the open term follow the lines. */
  afterEntryChange(entrySet: EntitySetDefinition, entry: ExactRecord): void {
    const kind = ENTRY_KINDS.get(entrySet)!;
    const lines = this.store
      .all(this.division, kind.lines)
      .filter((line) => line.EntryID === entry.EntryID);
    const amount = round2(
      sum(lines.map((line) => Number(line.AmountFC) + Number(line.VATAmountFC))),
    );
    const vat = round2(sum(lines.map((line) => Number(line.VATAmountFC))));
    const rate = Number(entry.Rate ?? 1) || 1;
    this.store.update(this.division, entrySet, entry, {
      AmountFC: amount,
      VATAmountFC: vat,
      AmountDC: round2(amount * rate),
      VATAmountDC: round2(vat * rate),
    });
    const party = this.store.find(this.division, ACCOUNTS, entry[kind.party]);
    const term = this.termOf(entry);
    const values = {
      Account: entry[kind.party],
      AccountCode: party ? String(party.Code).trim() : null,
      AccountName: party?.Name ?? null,
      AmountDC: round2(amount * rate),
      AmountFC: amount,
      TransactionAmountDC: round2(amount * rate),
      TransactionAmountFC: amount,
      Currency: entry.Currency,
      Description: entry.Description,
      DueDate: entry.DueDate,
      TransactionDueDate: entry.DueDate,
      EntryDate: entry.EntryDate,
      InvoiceDate: entry.EntryDate,
      EntryNumber: entry.EntryNumber,
      InvoiceNumber: entry.InvoiceNumber,
      Journal: entry.Journal,
      LineType: kind.lineType,
      PaymentReference: entry.PaymentReference,
      YourRef: entry.YourRef,
      TransactionEntryID: entry.EntryID,
      TransactionType: entry.Type,
    };
    if (term) this.store.update(this.division, PAYMENT_TERMS_STORE, term, values);
    else
      this.store.insert(this.division, PAYMENT_TERMS_STORE, {
        ...values,
        EntryID: randomUUID(),
        IsFullyPaid: false,
        Status: TERM_STATUS.open,
        LastPaymentDate: null,
        TransactionIsReversal: false,
      });
  }

  /** An entry went away: its lines and terms with it. */
  afterEntryDelete(entrySet: EntitySetDefinition, entry: ExactRecord): void {
    const kind = ENTRY_KINDS.get(entrySet)!;
    for (const line of this.store
      .all(this.division, kind.lines)
      .filter((l) => l.EntryID === entry.EntryID)) {
      this.store.remove(this.division, kind.lines, line);
    }
    for (const term of this.store
      .all(this.division, PAYMENT_TERMS_STORE)
      .filter((t) => t.TransactionEntryID === entry.EntryID)) {
      this.store.remove(this.division, PAYMENT_TERMS_STORE, term);
    }
  }

  entrySetOfLines(lines: EntitySetDefinition): EntitySetDefinition {
    return lines === SALES_ENTRY_LINES ? SALES_ENTRIES : PURCHASE_ENTRIES;
  }

  private termOf(entry: ExactRecord): ExactRecord | undefined {
    return this.store
      .all(this.division, PAYMENT_TERMS_STORE)
      .find((t) => t.TransactionEntryID === entry.EntryID && t.Status === TERM_STATUS.open);
  }

  /** crm/Accounts: Code unique, right-aligned in 18 characters, the highest + 1 when omitted; Country padded. */
  private account(values: ExactRecord, existing: ExactRecord | null): void {
    const records = this.store.all(this.division, ACCOUNTS);
    if (!existing) {
      values.Status ??= 'A';
      values.Type ??= 'A';
    }
    if (typeof values.Code === 'string' && values.Code.trim() !== '') {
      const code = values.Code.trim();
      if (code.length > 18)
        throw new ExactRuleError(400, 'Code: the value is longer than 18 characters');
      const padded = code.padStart(18, ' ');
      // Exact refuses a duplicate account code; its wording is UNCONFIRMED.
      if (records.some((record) => record !== existing && record.Code === padded))
        throw new ExactRuleError(400, `Code ${code} already exists`);
      values.Code = padded;
    } else if (!existing) {
      const highest = records.reduce(
        (max, record) => Math.max(max, Number(String(record.Code).trim()) || 0),
        0,
      );
      values.Code = String(highest + 1).padStart(18, ' ');
    }
    if (typeof values.Country === 'string')
      values.Country = values.Country.trim().toUpperCase().padEnd(3, ' ');
  }

  private contact(values: ExactRecord): void {
    if (!values.FirstName && !values.LastName) throw new ExactRuleError(400, 'Mandatory: LastName');
    values.FullName = [values.FirstName, values.MiddleName, values.LastName]
      .filter(Boolean)
      .join(' ');
    values.AccountName = this.store.find(this.division, ACCOUNTS, values.Account)?.Name ?? null;
  }

  private entryHeader(kind: EntryKind, entry: ExactRecord, changes: ExactRecord = entry): void {
    const journalCode = String(entry.Journal ?? '').trim();
    const journal = this.store
      .all(this.division, JOURNALS)
      .find((j) => String(j.Code).trim() === journalCode);
    // A journal GUID instead of its code is the classic mistake: "Ongeldige referentie: Journals".
    if (!journal) throw invalidReference('Journals');
    if (!kind.journalTypes.includes(Number(journal.Type))) throw invalid('Dagboek');
    changes.Journal = journalCode;
    changes.JournalDescription = journal.Description;
    const type = entry.Type ?? kind.types[0];
    if (!kind.types.includes(Number(type))) throw invalid('Type');
    changes.Type = Number(type);
    const entryDate = toDate(entry.EntryDate) ?? this.today;
    changes.EntryDate = entryDate;
    changes.ReportingYear = entry.ReportingYear ?? entryDate.getUTCFullYear();
    changes.ReportingPeriod = entry.ReportingPeriod ?? entryDate.getUTCMonth() + 1;
    if (entry.PaymentCondition) {
      const condition = this.store
        .all(this.division, PAYMENT_CONDITIONS)
        .find((c) => c.Code === entry.PaymentCondition);
      if (!condition) throw invalidReference('PaymentConditions');
      changes.PaymentConditionDescription = condition.Description;
      if (!entry.DueDate)
        changes.DueDate = new Date(
          entryDate.getTime() + Number(condition.PaymentDays) * 86_400_000,
        );
    }
    if (!entry.DueDate && !changes.DueDate) changes.DueDate = entryDate;
    changes.Currency = entry.Currency ?? 'EUR';
    changes.Status = entry.Status ?? 20;
    const party = this.store.find(this.division, ACCOUNTS, entry[kind.party]);
    changes[`${kind.party}Name`] = party?.Name ?? null;
    if (!entry.EntryNumber) {
      const yy = entryDate.getUTCFullYear() % 100;
      const number = this.store.nextNumber(
        this.division,
        `entry:${journalCode}`,
        (yy * 100 + Number(journalCode || 0)) * 10_000 + 1,
      );
      changes.EntryNumber = number;
      changes.InvoiceNumber = number; // a supplied InvoiceNumber is only a hint Exact may ignore
    }
    changes.Rate = entry.Rate ?? 1;
  }

  private entryLine(
    lineSet: EntitySetDefinition,
    kind: EntryKind,
    line: ExactRecord,
    header: ExactRecord,
  ): void {
    const account = this.store.find(this.division, GL_ACCOUNTS, line.GLAccount);
    if (!account) throw invalidReference('GLAccounts');
    if (NOT_FOR_ENTRY_LINES.includes(Number(account.Type))) throw invalid('Grootboekrekeningtype');
    line.GLAccountCode = account.Code;
    line.GLAccountDescription = account.Description;
    const vatCode = line.VATCode ?? account.VATCode ?? null;
    let percentage = 0;
    if (vatCode !== null && String(vatCode).trim() !== '') {
      const code = this.store
        .all(this.division, VAT_CODES)
        .find((c) => String(c.Code).trim() === String(vatCode).trim());
      if (!code) throw invalidReference('VATCodes');
      line.VATCode = code.Code;
      line.VATCodeDescription = code.Description;
      percentage = Number(code.Percentage);
    }
    line.VATPercentage = percentage;
    const amount = Number(line.AmountFC);
    // VATAmountFC, when sent, overrides what Exact would compute from the VAT code (reference §7).
    line.VATAmountFC =
      line.VATAmountFC !== undefined && line.VATAmountFC !== null
        ? Number(line.VATAmountFC)
        : round2(amount * percentage);
    const rate = Number(header.Rate ?? 1) || 1;
    line.AmountDC = round2(amount * rate);
    line.VATAmountDC = round2(Number(line.VATAmountFC) * rate);
    line.VATBaseAmountFC = amount;
    line.VATBaseAmountDC = line.AmountDC;
    line.Type = header.Type ?? kind.types[0];
    line.Quantity = line.Quantity ?? 1;
    line.EntryID = header.EntryID ?? line.EntryID;
    if (!line.LineNumber) {
      const siblings = this.store
        .all(this.division, lineSet)
        .filter((l) => l.EntryID === line.EntryID);
      line.LineNumber = siblings.length + 1;
    }
  }

  private parentOfLine(lines: EntitySetDefinition, entryId: unknown): ExactRecord {
    const parent = this.store.find(this.division, this.entrySetOfLines(lines), entryId);
    if (!parent)
      throw invalidReference(lines === SALES_ENTRY_LINES ? 'SalesEntries' : 'PurchaseEntries');
    return parent;
  }

  private attachment(values: ExactRecord): void {
    const content = String(values.Attachment ?? '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
      throw new ExactRuleError(
        400,
        "Error processing request stream. Error encountered in converting the value from request payload for property 'Attachment' to type 'Byte[]'.",
      );
    }
    const bytes = Buffer.from(content, 'base64').length;
    if (bytes > MAX_ATTACHMENT_BYTES)
      throw new ExactRuleError(400, 'The attachment is larger than 10 MB.'); // wording UNCONFIRMED
    values.FileSize = bytes;
  }
}

function kindOfLines(lines: EntitySetDefinition): EntryKind {
  return [...ENTRY_KINDS.values()].find((kind) => kind.lines === lines)!;
}

function toDate(value: unknown): Date | null {
  return value instanceof Date ? value : null;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
