import {
  EXACT_LINE_TYPES,
  EXACT_TERM_STATUS,
  ExactClient,
  ExactRejectedError,
  accounts,
  contacts,
  createDocumentWithFile,
  currentMe,
  divisions,
  eq,
  findAccountByCode,
  glAccounts,
  journals,
  odata,
  paymentConditions,
  purchaseEntries,
  readSince,
  receivables,
  replaceEntryLines,
  salesEntries,
  salesEntryLines,
  syncAccounts,
  syncPaymentTerms,
  bulkAccounts,
  vatCodes,
  vatPercentage,
} from '@app/exact-client';
import { RunningSandbox, exactClient, startSandbox } from '../support/sandbox';

/** The Exact client's typed helpers against the simulator: envelopes, paging, entries and the rules Exact enforces. */
describe('Exact client ⇄ Exact simulator: REST', () => {
  let sandbox: RunningSandbox;
  let client: ExactClient;
  const DIVISION = 1001;

  beforeAll(async () => {
    sandbox = await startSandbox({
      SANDBOX_EXACT_MINUTELY_LIMIT: '100000',
      SANDBOX_EXACT_DAILY_LIMIT: '100000',
    });
    client = exactClient(sandbox, DIVISION);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const getCalls = async (path: string) =>
    (await sandbox.control.calls('exact')).calls.filter(
      (c) => c.method === 'GET' && c.path === path,
    );

  describe('users, divisions and accounts', () => {
    it('reads current/Me without a division and the divisions the user granted', async () => {
      const me = await currentMe(client);
      expect(me).toMatchObject({ CurrentDivision: 1001, UserName: 'SandboxUser' });
      const list = await divisions.find(client);
      expect(list.map((d) => d.Code)).toEqual([1001, 2002]);
      expect(list.find((d) => d.Current)?.Code).toBe(1001);
      const meCall = (await sandbox.control.calls('exact')).calls.find(
        (c) => c.path === 'current/Me',
      );
      expect(meCall?.division).toBeNull();
    });

    it('creates (201 with the record), reads, updates (204) and deletes (204) an account', async () => {
      const created = await accounts.create(client, {
        Name: 'Roundtrip BV',
        City: 'Utrecht',
        Country: 'NL',
      });
      expect(created).toMatchObject({ Name: 'Roundtrip BV', Country: 'NL ', Blocked: false });
      expect(created.ID).toMatch(/^[0-9a-f-]{36}$/);
      await accounts.update(client, created.ID, { City: 'Amersfoort' });
      expect(await accounts.get(client, created.ID)).toMatchObject({ City: 'Amersfoort' });
      await accounts.remove(client, created.ID);
      expect(await accounts.get(client, created.ID)).toBeNull();
    });

    it('finds an account by its code only when the code is padded to 18 characters', async () => {
      await accounts.create(client, { Name: 'Code Padding NV', Code: '4242' });
      expect(await findAccountByCode(client, '4242')).toMatchObject({
        Name: 'Code Padding NV',
        Code: '4242'.padStart(18),
      });
      expect(await accounts.find(client, eq('Code', odata.string('4242')))).toEqual([]);
      await expect(
        accounts.create(client, { Name: 'Duplicate code', Code: '4242' }),
      ).rejects.toThrow(ExactRejectedError);
    });

    it('refuses an account GET without $filter, as Exact does for endpoints with a sync counterpart', async () => {
      await expect(accounts.find(client)).rejects.toThrow(/mandatory filtering/);
      await expect(accounts.find(client)).rejects.toBeInstanceOf(ExactRejectedError);
    });

    it('refuses an unknown property with Exact’s message', async () => {
      await expect(accounts.create(client, { Name: 'X', Colour: 'blue' } as never)).rejects.toThrow(
        "The property name 'Colour' specified for type 'Exact.Web.Api.Models.Account' is not valid.",
      );
    });

    it('creates contacts of an account, and refuses a contact without a name or of an unknown account', async () => {
      const account = await accounts.create(client, { Name: 'People Inc' });
      const contact = await contacts.create(client, {
        Account: account.ID,
        FirstName: 'Ada',
        LastName: 'Lovelace',
        Email: 'ada@example.com',
      });
      expect(contact).toMatchObject({ FullName: 'Ada Lovelace', Account: account.ID });
      expect(await contacts.find(client, eq('Account', odata.guid(account.ID)))).toHaveLength(1);
      await expect(
        contacts.create(client, { Account: account.ID, Email: 'nobody@example.com' }),
      ).rejects.toThrow('Mandatory: LastName');
      await expect(
        contacts.create(client, {
          Account: '00000000-0000-0000-0000-000000000001',
          LastName: 'Ghost',
        }),
      ).rejects.toThrow('Ongeldige referentie: Accounts');
    });

    it('follows __next across pages of 60', async () => {
      await sandbox.control.seedExactAccounts(DIVISION, 130, 'Paging');
      await sandbox.control.clearCalls();
      const found = await accounts.find(client, "startswith(Name, 'Paging ')");
      expect(found).toHaveLength(130);
      expect(new Set(found.map((a) => a.ID)).size).toBe(130);
      expect(await getCalls('crm/Accounts')).toHaveLength(3);
    });

    it('reads sync/CRM/Accounts 1,000 per page from a Timestamp, and only what changed afterwards', async () => {
      await sandbox.control.seedExactAccounts(DIVISION, 2000, 'Sync');
      await sandbox.control.clearCalls();
      const first = await readSince(client, syncAccounts, 1);
      expect(first.records.length).toBeGreaterThan(2000);
      expect(await getCalls('sync/CRM/Accounts')).toHaveLength(3);
      expect((await readSince(client, syncAccounts, first.lastTimestamp)).records).toEqual([]);
      const changed = first.records.find((a) => a.Name === 'Sync 7')!;
      await accounts.update(client, changed.ID, { City: 'Zeist' });
      const again = await readSince(client, syncAccounts, first.lastTimestamp);
      expect(again.records.map((a) => a.Name)).toEqual(['Sync 7']);
    });

    it('reads bulk/CRM/Accounts 1,000 per page and refuses it without $select', async () => {
      await sandbox.control.clearCalls();
      const all = await bulkAccounts.find(client);
      expect(all.length).toBeGreaterThan(2000);
      expect((await getCalls('bulk/CRM/Accounts')).length).toBe(Math.ceil(all.length / 1000));
      await expect(client.get('bulk/CRM/Accounts')).rejects.toThrow(/Please add a \$select/);
    });
  });

  describe('entries', () => {
    let customer: string;
    let supplier: string;
    let revenue: string;
    let receivableAccount: string;
    let cost: string;
    let vat21: string;

    beforeAll(async () => {
      customer = (await accounts.create(client, { Name: 'Entry Customer BV', Status: 'C' })).ID;
      supplier = (await accounts.create(client, { Name: 'Entry Supplier BV', IsSupplier: true }))
        .ID;
      const ledger = await glAccounts.find(client);
      revenue = ledger.find((a) => a.Code === '8000')!.ID;
      cost = ledger.find((a) => a.Code === '7000')!.ID;
      receivableAccount = ledger.find((a) => a.Type === 20)!.ID;
      vat21 = (await vatCodes.find(client)).find(
        (c) => vatPercentage(c) === 21 && c.VATTransactionType === 'S',
      )!.Code;
    });

    it('lists journals, VAT codes and payment conditions', async () => {
      expect((await journals.find(client)).map((j) => [j.Code, j.Type])).toEqual(
        expect.arrayContaining([
          ['70', 20],
          ['60', 22],
          ['20', 12],
        ]),
      );
      expect((await vatCodes.find(client)).map((c) => c.Code.trim())).toEqual(
        expect.arrayContaining(['0', '1', '2']),
      );
      expect((await paymentConditions.find(client)).map((c) => c.Code)).toEqual(
        expect.arrayContaining(['14', '30']),
      );
    });

    it('books a sales entry with its lines, VAT and totals, and leaves an open receivable term', async () => {
      const entry = await salesEntries.create(client, {
        Journal: '70',
        Customer: customer,
        EntryDate: '2026-11-28T00:00:00',
        PaymentCondition: '30',
        YourRef: 'INV/2026/0001',
        PaymentReference: '+++000/0000/06565+++',
        SalesEntryLines: [
          { GLAccount: revenue, AmountFC: 100, VATCode: vat21, Description: 'Consulting' },
          {
            GLAccount: revenue,
            AmountFC: 33.33,
            VATCode: vat21,
            VATAmountFC: 7.01,
            Description: 'Rounded by Odoo',
          },
        ],
      });
      expect(entry).toMatchObject({
        Journal: '70',
        Type: 20,
        Status: 20,
        AmountFC: 161.34,
        VATAmountFC: 28.01,
        YourRef: 'INV/2026/0001',
      });
      expect(entry.EntryNumber).toBeGreaterThan(0);
      expect(new Date(entry.DueDate!).toISOString()).toBe('2026-12-28T00:00:00.000Z');
      const read = await salesEntries.get(client, entry.EntryID, { expand: 'SalesEntryLines' });
      expect(read!.SalesEntryLines!.results.map((l) => [l.AmountFC, l.VATAmountFC])).toEqual([
        [100, 21],
        [33.33, 7.01],
      ]);
      const [open] = await receivables.find(
        client,
        eq('TransactionEntryID', odata.guid(entry.EntryID)),
      );
      expect(open).toMatchObject({
        AmountDC: 161.34,
        IsFullyPaid: false,
        Status: EXACT_TERM_STATUS.open,
        Account: customer,
      });
    });

    it('refuses what Exact refuses on entries', async () => {
      const [salesJournal] = (await journals.find(client)).filter((j) => j.Code === '70');
      const base = {
        Journal: '70',
        Customer: customer,
        SalesEntryLines: [{ GLAccount: revenue, AmountFC: 10 }],
      };
      const otherDivisionCustomer = (
        await accounts.create(exactClient(sandbox, 2002), { Name: 'Belgian customer' })
      ).ID;
      const cases: [string, object, string][] = [
        [
          'the journal GUID instead of its code',
          { ...base, Journal: salesJournal.ID },
          'Ongeldige referentie: Journals',
        ],
        ['a purchase journal', { ...base, Journal: '60' }, 'Ongeldig: Dagboek'],
        [
          'a receivable account on a line',
          { ...base, SalesEntryLines: [{ GLAccount: receivableAccount, AmountFC: 10 }] },
          'Ongeldig: Grootboekrekeningtype',
        ],
        [
          'an unknown VAT code',
          { ...base, SalesEntryLines: [{ GLAccount: revenue, AmountFC: 10, VATCode: '99' }] },
          'Ongeldige referentie: VATCodes',
        ],
        [
          'a customer of another division',
          { ...base, Customer: otherDivisionCustomer },
          'Ongeldige referentie: Accounts',
        ],
        ['no lines', { ...base, SalesEntryLines: [] }, 'Mandatory: SalesEntryLines'],
        [
          'no customer',
          { Journal: '70', SalesEntryLines: base.SalesEntryLines },
          'Mandatory: Customer',
        ],
      ];
      for (const [, body, message] of cases) {
        await expect(salesEntries.create(client, body as never)).rejects.toThrow(message);
      }
    });

    it('books a purchase entry on a purchase journal and leaves a payable term', async () => {
      const entry = await purchaseEntries.create(client, {
        Journal: '60',
        Supplier: supplier,
        YourRef: 'SUP-778',
        PurchaseEntryLines: [{ GLAccount: cost, AmountFC: 50, VATCode: '5' }],
      });
      expect(entry).toMatchObject({ Type: 30, AmountFC: 60.5, VATAmountFC: 10.5 });
      const { records } = await readSince(client, syncPaymentTerms, 1);
      expect(records.find((t) => t.TransactionEntryID === entry.EntryID)).toMatchObject({
        LineType: EXACT_LINE_TYPES.payable,
        AmountDC: 60.5,
      });
      await expect(
        purchaseEntries.create(client, {
          Journal: '70',
          Supplier: supplier,
          PurchaseEntryLines: [{ GLAccount: cost, AmountFC: 1 }],
        }),
      ).rejects.toThrow('Ongeldig: Dagboek');
    });

    it('replaces lines by adding first and deleting after; deleting the last line deletes the entry', async () => {
      const entry = await salesEntries.create(client, {
        Journal: '70',
        Customer: customer,
        SalesEntryLines: [{ GLAccount: revenue, AmountFC: 10, VATCode: vat21 }],
      });
      const [oldLine] = (await salesEntries.get(client, entry.EntryID, {
        expand: 'SalesEntryLines',
      }))!.SalesEntryLines!.results;
      await replaceEntryLines(
        client,
        salesEntryLines,
        entry.EntryID,
        [oldLine.ID],
        [{ GLAccount: revenue, AmountFC: 20, VATCode: vat21 }],
      );
      expect(await salesEntries.get(client, entry.EntryID)).toMatchObject({ AmountFC: 24.2 });
      const [newLine] = (await salesEntries.get(client, entry.EntryID, {
        expand: 'SalesEntryLines',
      }))!.SalesEntryLines!.results;
      await salesEntryLines.remove(client, newLine.ID);
      expect(await salesEntries.get(client, entry.EntryID)).toBeNull();
    });

    it('attaches a PDF through documents/Documents and DocumentAttachments and links it to the entry', async () => {
      const pdf = Buffer.from('%PDF-1.4\n% sandbox invoice\n%%EOF\n');
      const document = await createDocumentWithFile(
        client,
        { Subject: 'INV/2026/0002', Type: 10, Account: customer },
        { fileName: 'INV_2026_0002.pdf', content: pdf },
      );
      const entry = await salesEntries.create(client, {
        Journal: '70',
        Customer: customer,
        Document: document.ID,
        SalesEntryLines: [{ GLAccount: revenue, AmountFC: 5 }],
      });
      expect(entry.Document).toBe(document.ID);
      const stored = await sandbox.control.exactRecords(DIVISION, 'documents/DocumentAttachments');
      expect(stored.find((a) => a.Document === document.ID)).toMatchObject({
        FileName: 'INV_2026_0002.pdf',
        FileSize: pdf.length,
        Attachment: pdf.toString('base64'),
      });
      await expect(
        client.post('documents/DocumentAttachments', {
          Document: document.ID,
          FileName: 'x.pdf',
          Attachment: 'not base64!',
        }),
      ).rejects.toThrow("to type 'Byte[]'");
    });

    it('shows a payment matched in Exact through the sync endpoint: partly, then fully paid', async () => {
      const entry = await salesEntries.create(client, {
        Journal: '70',
        Customer: customer,
        SalesEntryLines: [{ GLAccount: revenue, AmountFC: 100, VATCode: vat21 }],
      });
      const start = (await readSince(client, syncPaymentTerms, 1)).lastTimestamp;
      await sandbox.control.payExact(DIVISION, entry.EntryID, 21, '2026-12-01');
      const partly = (await readSince(client, syncPaymentTerms, start)).records.filter(
        (t) => t.TransactionEntryID === entry.EntryID,
      );
      expect(partly.map((t) => [t.Status, t.AmountDC, t.IsFullyPaid]).sort()).toEqual([
        [20, 100, false],
        [50, 21, false],
      ]);
      await sandbox.control.payExact(DIVISION, entry.EntryID, 100);
      const all = (await readSince(client, syncPaymentTerms, 1)).records.filter(
        (t) => t.TransactionEntryID === entry.EntryID,
      );
      expect(all.every((t) => t.Status === 50 && t.IsFullyPaid)).toBe(true);
    });
  });
});
