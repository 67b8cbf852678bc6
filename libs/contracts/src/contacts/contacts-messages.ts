import type { ErrorClass } from '@app/common';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';

/** RPC patterns the contacts service answers on `exact-sync`. */
export const CONTACTS_PATTERNS = {
  /** Make sure a partner (its commercial entity) has an Exact account; answers the account's ID. */
  ensure: 'contacts.ensure',
  /** Plan (dry run) or start the initial partner sync of a connection. */
  setupPartners: 'contacts.setup.partners',
} as const;

export class ContactsEnsureRequest {
  @IsUUID()
  connectionId: string;

  @IsInt()
  @Min(1)
  partnerId: number;
}

export type ContactsEnsureReply =
  | { ok: true; exactAccountId: string; partnerId: number }
  | {
      ok: false;
      errorClass: ErrorClass;
      retryable: boolean;
      message: string;
      /** Ask again then (a job still waiting, e.g. for a rate-limit window or re-authorization). */
      retryAt?: string;
      /** The contact.sync job the operator can look at. */
      jobId?: string;
    };

export const PARTNER_MASTERS = ['odoo', 'exact'] as const;
export type PartnerMaster = (typeof PARTNER_MASTERS)[number];

export class PartnerSetupRequest {
  @IsUUID()
  connectionId: string;

  @IsIn(PARTNER_MASTERS)
  master: PartnerMaster;

  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** One partner (or Exact account) the initial sync cannot pair by itself. */
export interface PartnerSetupConflict {
  partnerId: number | null;
  exactAccountId: string | null;
  name: string;
  reason: string;
}

/** What the initial partner sync will do (dry run) or has queued (run). */
export interface PartnerSetupPlan {
  master: PartnerMaster;
  dryRun: boolean;
  /** Records on the master side that were considered. */
  considered: number;
  create: number;
  link: number;
  update: number;
  unchanged: number;
  conflicts: number;
  /** Master records left out (archived partners, blocked accounts). */
  skipped: number;
  /** The first conflicts, with their reasons (all of them become mapping errors in the run). */
  conflictDetails: PartnerSetupConflict[];
  exactCalls: {
    /** Calls this planning made (bulk reads of crm/Accounts). */
    spent: number;
    /** Calls the run will make: one per create, link and update on the Exact side. */
    needed: number;
    /** Calls left in the division's day as Exact last reported it (null: not known yet). */
    remainingToday: number | null;
    /** Whether `needed` fits in `remainingToday`. */
    fitsToday: boolean | null;
    /** At Exact's minutely limit, roughly how long the run takes. */
    estimatedMinutes: number;
  };
  /** The run only: jobs queued (one per record with work to do). */
  queued?: number;
}

export type PartnerSetupReply =
  { ok: true; plan: PartnerSetupPlan } | { ok: false; errorClass: ErrorClass; message: string };
