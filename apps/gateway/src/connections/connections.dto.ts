import { PARTNER_MASTERS } from '@app/contracts';
import type { PartnerMaster } from '@app/contracts';
import { EXACT_COUNTRIES, PARTNER_MATCH_RULES, PARTNER_RANKS } from '@app/sync-queue';
import type { ExactCountry, PartnerMatchRule, PartnerRank } from '@app/sync-queue';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  IsNumber,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class FeaturesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  contacts?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  sales?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  purchases?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  payments?: boolean;
}

export class SettingsDto {
  @ApiPropertyOptional({
    enum: PARTNER_RANKS,
    isArray: true,
    description: 'Which partners become Exact accounts (default both)',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(PARTNER_RANKS, { each: true })
  partnerRanks?: PartnerRank[];

  @ApiPropertyOptional({
    enum: PARTNER_MATCH_RULES,
    isArray: true,
    description:
      'How an existing Exact account is recognised before a first create, in order (default vat, code, name_postcode)',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PARTNER_MATCH_RULES, { each: true })
  partnerMatchOrder?: PartnerMatchRule[];

  @ApiPropertyOptional({
    example: '2026-01-01',
    description:
      'Invoices dated before this day are not synced by events (default: the day the connection was created)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  invoiceStartDate?: string;

  @ApiPropertyOptional({
    enum: ['negative', 'positive'],
    description: 'Credit notes in Exact (default negative)',
  })
  @IsOptional()
  @IsIn(['negative', 'positive'])
  creditNoteSign?: 'negative' | 'positive';

  @ApiPropertyOptional({ description: "Exact VAT code of a line without tax (default '0')" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  vatCodeWithoutTax?: string;

  @ApiPropertyOptional({ description: 'Read each entry back to compare totals (one call more)' })
  @IsOptional()
  @IsBoolean()
  invoiceReadBack?: boolean;

  @ApiPropertyOptional({
    description: 'Share of the daily Exact budget a backfill plans for (default 0.8)',
  })
  @IsOptional()
  @IsNumber()
  @Min(0.05)
  @Max(1)
  backfillDailyShare?: number;
}

/** A new connection: one Odoo database and company, one Exact Online country. */
export class CreateConnectionDto {
  @ApiProperty({ example: 'Acme Belgium' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'https://odoo.acme.example' })
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  odooUrl: string;

  @ApiProperty({ example: 'acme' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  odooDb: string;

  @ApiProperty({ example: 'connector-bot' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  odooLogin: string;

  @ApiProperty({
    description: 'API key (Odoo 14+) or password (13); stored encrypted, never shown again',
    writeOnly: true,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  odooSecret: string;

  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  odooCompanyId: number;

  @ApiProperty({ enum: EXACT_COUNTRIES, example: 'be' })
  @IsIn(EXACT_COUNTRIES)
  exactCountry: ExactCountry;

  @ApiPropertyOptional({ type: FeaturesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeaturesDto)
  features?: FeaturesDto;

  @ApiPropertyOptional({ type: SettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SettingsDto)
  settings?: SettingsDto;
}

/** Changes to a connection; only what is sent changes (a new Exact country needs a new authorization). */
export class UpdateConnectionDto extends PartialType(CreateConnectionDto) {}

export class ConnectionIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class PartnerSetupDto {
  @ApiProperty({
    enum: PARTNER_MASTERS,
    description: 'odoo: Odoo partners are created/linked/updated in Exact; exact: the other way',
  })
  @IsIn(PARTNER_MASTERS)
  master: PartnerMaster;

  @ApiPropertyOptional({ description: 'Only count what would happen (default false)' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class PinDivisionDto {
  @ApiProperty({ example: 1001, description: 'One of GET …/exact/divisions' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  division: number;
}
