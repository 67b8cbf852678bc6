import type { OdooClient } from '../rpc/odoo-client';
import { Many2one, OdooValue, idOf, textOf } from '../rpc/odoo-domain-types';

export interface OdooJournal {
  id: number;
  name: string;
  code: string;
  type: 'sale' | 'purchase' | 'bank' | 'cash' | 'general';
  companyId: number | null;
}

/**
 * An account's type in 16+ names (asset_receivable, liability_payable, asset_cash, income, expense,
 * …); up to 15 it is derived from internal_type and internal_group.
 */
export interface OdooAccount {
  id: number;
  code: string;
  name: string;
  accountType: string;
  deprecated: boolean;
}

export interface OdooTax {
  id: number;
  name: string;
  amount: number;
  amountType: string;
  typeTaxUse: 'sale' | 'purchase' | 'none';
  priceInclude: boolean;
  companyId: number | null;
}

export interface OdooPaymentTerm {
  id: number;
  name: string;
}

export interface OdooCurrency {
  id: number;
  name: string;
}

export async function listJournals(client: OdooClient, companyId: number): Promise<OdooJournal[]> {
  const rows = await client.rpc.executeKw<Record<string, unknown>[]>(
    'account.journal',
    'search_read',
    [[['company_id', '=', companyId]]],
    {
      fields: ['name', 'code', 'type', 'company_id'],
    },
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    code: String(row.code),
    type: row.type as OdooJournal['type'],
    companyId: idOf(row.company_id as Many2one),
  }));
}

export async function listAccounts(client: OdooClient, companyId: number): Promise<OdooAccount[]> {
  const adapter = await client.adapter();
  const rows = await client.rpc.executeKw<Record<string, unknown>[]>(
    'account.account',
    'search_read',
    [adapter.accountCompanyDomain(companyId)],
    {
      fields: ['code', 'name', 'deprecated', ...adapter.accountTypeFields],
    },
  );
  return rows.map((row) => ({
    id: Number(row.id),
    code: String(row.code),
    name: String(row.name),
    accountType: row.account_type
      ? String(row.account_type)
      : legacyAccountType(String(row.internal_type), String(row.internal_group)),
    deprecated: Boolean(row.deprecated),
  }));
}

/** ≤15 internal_type / internal_group → the 16+ account_type they correspond to (as closely as they tell). */
export function legacyAccountType(internalType: string, internalGroup: string): string {
  if (internalType === 'receivable') return 'asset_receivable';
  if (internalType === 'payable') return 'liability_payable';
  if (internalType === 'liquidity') return 'asset_cash';
  return (
    {
      income: 'income',
      expense: 'expense',
      equity: 'equity',
      liability: 'liability_current',
      asset: 'asset_current',
    }[internalGroup] ?? 'asset_current'
  );
}

export async function listTaxes(client: OdooClient, companyId: number): Promise<OdooTax[]> {
  const rows = await client.rpc.executeKw<Record<string, unknown>[]>(
    'account.tax',
    'search_read',
    [[['company_id', '=', companyId]]],
    {
      fields: ['name', 'amount', 'amount_type', 'type_tax_use', 'price_include', 'company_id'],
      context: { active_test: false },
    },
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    amount: Number(row.amount),
    amountType: String(row.amount_type),
    typeTaxUse: row.type_tax_use as OdooTax['typeTaxUse'],
    priceInclude: Boolean(row.price_include),
    companyId: idOf(row.company_id as Many2one),
  }));
}

export async function listPaymentTerms(client: OdooClient): Promise<OdooPaymentTerm[]> {
  const rows = await client.rpc.executeKw<{ id: number; name: OdooValue<string> }[]>(
    'account.payment.term',
    'search_read',
    [[]],
    { fields: ['name'] },
  );
  return rows.map((row) => ({ id: row.id, name: textOf(row.name) ?? '' }));
}

export async function listCurrencies(client: OdooClient): Promise<OdooCurrency[]> {
  const rows = await client.rpc.executeKw<{ id: number; name: string }[]>(
    'res.currency',
    'search_read',
    [[]],
    { fields: ['name'] },
  );
  return rows.map((row) => ({ id: row.id, name: row.name }));
}
