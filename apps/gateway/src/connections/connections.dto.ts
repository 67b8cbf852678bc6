import { EXACT_COUNTRIES } from '@app/sync-queue';
import type { ExactCountry } from '@app/sync-queue';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
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
}

/** Changes to a connection; only what is sent changes. */
export class UpdateConnectionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  odooUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  odooDb?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  odooLogin?: string;

  @ApiPropertyOptional({ writeOnly: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  odooSecret?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  odooCompanyId?: number;

  @ApiPropertyOptional({
    enum: EXACT_COUNTRIES,
    description: 'Changing it requires authorizing again',
  })
  @IsOptional()
  @IsIn(EXACT_COUNTRIES)
  exactCountry?: ExactCountry;

  @ApiPropertyOptional({ type: FeaturesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeaturesDto)
  features?: FeaturesDto;
}

export class ConnectionIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class PinDivisionDto {
  @ApiProperty({ example: 1001, description: 'One of GET …/exact/divisions' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  division: number;
}
