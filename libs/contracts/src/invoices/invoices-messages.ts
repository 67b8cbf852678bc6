import type { ErrorClass } from '@app/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** RPC patterns the invoices service answers on `exact-sync`. */
export const INVOICES_PATTERNS = {
  /** List, set or auto-match the mappings of one kind. */
  mappings: 'invoices.mappings',
  /** Plan (dry run) or queue the backfill of posted invoices. */
  backfill: 'invoices.setup.backfill',
} as const;

/** What can be mapped; `bank-journals` says where Exact payments are registered in Odoo. */
export const MAPPING_LISTS = [
  'journals',
  'accounts',
  'taxes',
  'payment-terms',
  'bank-journals',
] as const;
export type MappingList = (typeof MAPPING_LISTS)[number];

export class MappingChange {
  @IsInt()
  @Min(1)
  odooId: number;

  /** The Exact code (journal, G/L account, VAT code, payment condition); null removes the mapping. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  exactCode: string | null;

  /** Journals only: false keeps the journal mapped but stops syncing its invoices. */
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class InvoiceMappingsRequest {
  @IsUUID()
  connectionId: string;

  @IsIn(MAPPING_LISTS)
  list: MappingList;

  @IsIn(['list', 'put', 'auto'])
  action: 'list' | 'put' | 'auto';

  /** `list`: read Exact again instead of the cached master data. */
  @IsOptional()
  @IsBoolean()
  refresh?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => MappingChange)
  mappings?: MappingChange[];
}

/** An Exact record an Odoo record can be mapped to. */
export interface MappingCandidate {
  code: string;
  description: string;
}

export interface MappingItem {
  odooId: number;
  /** The Odoo record as an accountant knows it: code and name (journals, accounts) or name. */
  odoo: { code: string | null; name: string; type: string | null };
  exactCode: string | null;
  enabled: boolean;
  /** valid, or invalid with the reason (no code, not in Exact, wrong type, …). */
  status: 'valid' | 'invalid';
  reason: string | null;
  /** Exact records that fit (the right type, the same percentage and use). */
  candidates: MappingCandidate[];
}

export type InvoiceMappingsReply =
  | { ok: true; items: MappingItem[]; changed?: number }
  | {
      ok: false;
      errorClass: ErrorClass;
      message: string;
      /** `put`: the changes refused, with why (nothing was stored). */
      refused?: { odooId: number; reason: string }[];
    };

export class InvoiceBackfillRequest {
  @IsUUID()
  connectionId: string;

  /** Odoo journal ids (sales or purchase journals that are mapped). */
  @IsArray()
  @ArrayNotEmpty()
  @IsInt({ each: true })
  journalIds: number[];

  /** Invoices dated on or after this day (YYYY-MM-DD). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  fromDate: string;

  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export interface InvoiceBackfillPlan {
  dryRun: boolean;
  /** Posted invoices, credit notes and bills in those journals from that day, not booked yet. */
  invoices: number;
  /** Already booked (linked): left alone. */
  alreadyBooked: number;
  exactCalls: {
    perInvoice: number;
    needed: number;
    /** Calls a day the backfill plans to use (a share of the division's daily limit). */
    perDay: number;
    remainingToday: number | null;
    /** Days of budget the backfill spreads over (1 = it fits today). */
    days: number;
  };
  /** The run only: jobs queued, in invoice-date order; the last ones wait for the days they fit in. */
  queued?: number;
  lastRunAt?: string;
}

export type InvoiceBackfillReply =
  { ok: true; plan: InvoiceBackfillPlan } | { ok: false; errorClass: ErrorClass; message: string };
