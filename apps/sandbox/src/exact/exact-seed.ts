import type { SandboxConfig } from '../sandbox.config';
import {
  DIVISIONS,
  GL_ACCOUNTS,
  GL_TYPE,
  JOURNALS,
  JOURNAL_TYPE,
  PAYMENT_CONDITIONS,
  VAT_CODES,
} from './entity-sets';
import type { ExactStore } from './exact-store.service';

/**
 * The master data of a fresh administration: journals, G/L accounts, VAT codes and payment
 * conditions like a new Dutch (even division numbers: Belgian) division has, and the user's list of
 * divisions. Codes follow common defaults (70 sales, 60 purchase); connectors must look them up.
 */
export function seedDivision(store: ExactStore, division: number, config: SandboxConfig): void {
  const belgian = division % 2 === 0;
  const gl = (
    Code: string,
    Description: string,
    Type: number,
    BalanceType: 'B' | 'W',
    BalanceSide: 'D' | 'C',
  ) =>
    store.insert(division, GL_ACCOUNTS, {
      Code,
      Description,
      Type,
      BalanceType,
      BalanceSide,
      IsBlocked: false,
      Matching: Type === GL_TYPE.receivable || Type === GL_TYPE.payable,
    });
  const bank = gl('1100', belgian ? 'Bank' : 'Bank', GL_TYPE.bank, 'B', 'D');
  gl(
    belgian ? '400000' : '1300',
    belgian ? 'Handelsdebiteuren' : 'Debiteuren',
    GL_TYPE.receivable,
    'B',
    'D',
  );
  gl(
    belgian ? '440000' : '1600',
    belgian ? 'Leveranciers' : 'Crediteuren',
    GL_TYPE.payable,
    'B',
    'C',
  );
  const vatToPay = gl(belgian ? '451000' : '1500', 'Te betalen btw', GL_TYPE.vat, 'B', 'C');
  const vatToClaim = gl(
    belgian ? '411000' : '1520',
    'Terug te vorderen btw',
    GL_TYPE.vat,
    'B',
    'D',
  );
  gl('8000', 'Omzet', GL_TYPE.revenue, 'W', 'C');
  gl('8100', 'Omzet diensten', GL_TYPE.revenue, 'W', 'C');
  gl('7000', 'Inkoopwaarde omzet', GL_TYPE.costOfGoods, 'W', 'D');
  gl('4000', 'Algemene kosten', GL_TYPE.otherCosts, 'W', 'D');

  const journal = (Code: string, Description: string, Type: number) =>
    store.insert(division, JOURNALS, {
      Code,
      Description,
      Type,
      Currency: 'EUR',
      AllowVAT: Type !== JOURNAL_TYPE.bank,
      IsBlocked: false,
    });
  journal('70', 'Verkoopboek', JOURNAL_TYPE.sales);
  journal('60', 'Inkoopboek', JOURNAL_TYPE.purchase);
  store.update(division, JOURNALS, journal('20', 'Bank', JOURNAL_TYPE.bank), {
    GLAccount: bank.ID,
    BankAccountIBAN: belgian ? 'BE68539007547034' : 'NL91ABNA0417164300',
  });
  journal('90', 'Memoriaal', JOURNAL_TYPE.general);

  const vat = (
    Code: string,
    Description: string,
    Percentage: number,
    VATTransactionType: 'S' | 'P' | 'B',
  ) =>
    store.insert(division, VAT_CODES, {
      Code: Code.padEnd(3, ' '),
      Description,
      Percentage,
      Type: Percentage > 0 ? 'E' : 'B',
      VATTransactionType,
      Charged: false,
      IsBlocked: false,
      GLToPay: VATTransactionType === 'P' ? null : vatToPay.ID,
      GLToClaim: VATTransactionType === 'S' ? null : vatToClaim.ID,
    });
  if (belgian) {
    vat('0', 'BTW 0%', 0, 'B');
    vat('1', 'BTW 6% verkoop', 0.06, 'S');
    vat('3', 'BTW 21% verkoop', 0.21, 'S');
    vat('11', 'BTW 6% aankoop', 0.06, 'P');
    vat('13', 'BTW 21% aankoop', 0.21, 'P');
  } else {
    vat('0', 'BTW 0%', 0, 'B');
    vat('1', 'BTW hoog verkoop 21%', 0.21, 'S');
    vat('2', 'BTW laag verkoop 9%', 0.09, 'S');
    vat('5', 'BTW hoog inkoop 21%', 0.21, 'P');
    vat('6', 'BTW laag inkoop 9%', 0.09, 'P');
  }

  const condition = (Code: string, Description: string, PaymentDays: number) =>
    store.insert(division, PAYMENT_CONDITIONS, {
      Code,
      Description,
      PaymentDays,
      PaymentEndOfMonths: 0,
      DiscountPaymentDays: 0,
      DiscountPercentage: 0,
      PaymentMethod: 'B',
    });
  condition('00', 'Direct', 0);
  condition('14', '14 dagen', 14);
  condition('30', '30 dagen', 30);

  for (const code of config.SANDBOX_EXACT_DIVISIONS) {
    const isBelgian = code % 2 === 0;
    store.insert(division, DIVISIONS, {
      Code: code,
      Description: `Sandbox ${isBelgian ? 'België' : 'Nederland'} ${code}`,
      HID: code,
      Country: isBelgian ? 'BE' : 'NL',
      Currency: 'EUR',
      Current: false,
      IsMainDivision: code === config.SANDBOX_EXACT_DIVISIONS[0],
      Status: 1,
      BlockingStatus: 0,
      VATNumber: isBelgian ? 'BE0123456749' : 'NL123456782B01',
      Legislation: isBelgian ? '2' : '1',
      DivisionMoveDate: null,
      DivisionHRLinkUnlinkDate: null,
    });
  }
}
