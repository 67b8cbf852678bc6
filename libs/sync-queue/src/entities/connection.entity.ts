import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const CONNECTION_STATUSES = [
  'draft',
  'authorized',
  'ready',
  'reauthorization_required',
  'error',
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const EXACT_COUNTRIES = ['nl', 'be', 'de', 'co.uk', 'com', 'fr', 'es'] as const;
export type ExactCountry = (typeof EXACT_COUNTRIES)[number];

export interface ConnectionFeatures {
  contacts: boolean;
  sales: boolean;
  purchases: boolean;
  payments: boolean;
}

export const PARTNER_RANKS = ['customer', 'supplier'] as const;
export type PartnerRank = (typeof PARTNER_RANKS)[number];

export const PARTNER_MATCH_RULES = ['vat', 'code', 'name_postcode'] as const;
export type PartnerMatchRule = (typeof PARTNER_MATCH_RULES)[number];

/** Sync settings of a connection; anything not set takes the default of `connectionSettings()`. */
export interface ConnectionSettings {
  /** Which partners become Exact accounts: customers (customer_rank > 0), suppliers, or both. */
  partnerRanks?: PartnerRank[];
  /** How an existing Exact account is recognised before a first create, in this order. */
  partnerMatchOrder?: PartnerMatchRule[];
  /** The side that won the initial partner sync (recorded by the setup). */
  partnerMaster?: 'odoo' | 'exact';
  /**
   * Invoices dated before this day (YYYY-MM-DD) are not synced by events; the backfill books older
   * ones on purpose. Default: the day the connection was created.
   */
  invoiceStartDate?: string;
  /** Credit notes in Exact: negative amounts (default, as Exact's own credit invoices) or positive. */
  creditNoteSign?: 'negative' | 'positive';
  /** The Exact VAT code of an invoice line without a tax in Odoo (default '0'). */
  vatCodeWithoutTax?: string;
  /** Read each booked entry back from Exact to compare its totals (one GET more per invoice). */
  invoiceReadBack?: boolean;
  /** Share of the division's daily Exact budget a backfill may plan to use per day (default 0.8). */
  backfillDailyShare?: number;
}

export const DEFAULT_CONNECTION_SETTINGS = {
  partnerRanks: ['customer', 'supplier'] as PartnerRank[],
  partnerMatchOrder: ['vat', 'code', 'name_postcode'] as PartnerMatchRule[],
  creditNoteSign: 'negative' as 'negative' | 'positive',
  vatCodeWithoutTax: '0',
  invoiceReadBack: false,
  backfillDailyShare: 0.8,
};

/** The connection's settings with the defaults filled in (a setting stored as null takes its default). */
export function connectionSettings(connection: { settings: ConnectionSettings; createdAt: Date }) {
  const set = Object.entries(connection.settings ?? {}).filter(([, value]) => value != null);
  return {
    ...DEFAULT_CONNECTION_SETTINGS,
    invoiceStartDate: connection.createdAt.toISOString().slice(0, 10),
    ...(Object.fromEntries(set) as ConnectionSettings),
  };
}

export interface ExactDivisionSummary {
  code: number;
  description: string;
  country: string | null;
}

/** One Odoo database + company ⇄ one Exact Online country host + division. */
@Entity('connection')
export class ConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'odoo_url', type: 'text' })
  odooUrl: string;

  @Column({ name: 'odoo_db', type: 'text' })
  odooDb: string;

  @Column({ name: 'odoo_login', type: 'text' })
  odooLogin: string;

  /** API key (14+) or password (13), encrypted with the connection id as associated data. */
  @Column({ name: 'odoo_secret', type: 'text' })
  odooSecret: string;

  @Column({ name: 'odoo_company_id', type: 'integer' })
  odooCompanyId: number;

  @Column({ name: 'exact_country', type: 'text' })
  exactCountry: ExactCountry;

  @Column({ name: 'exact_division', type: 'integer', nullable: true })
  exactDivision: number | null;

  @Column({ type: 'jsonb' })
  features: ConnectionFeatures;

  @Column({ type: 'jsonb', default: {} })
  settings: ConnectionSettings;

  /** The Exact Online user who authorized the connection. */
  @Column({ name: 'exact_user_id', type: 'text', nullable: true })
  exactUserId: string | null;

  @Column({ name: 'exact_user_name', type: 'text', nullable: true })
  exactUserName: string | null;

  /** The divisions that user granted, as system/Divisions listed them at the last check. */
  @Column({ name: 'exact_divisions', type: 'jsonb', nullable: true })
  exactDivisions: ExactDivisionSummary[] | null;

  @Column({ type: 'text' })
  status: ConnectionStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
