import { InvoiceBackfillRequest, MappingChange } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsOptional,
  ValidateNested,
} from 'class-validator';

export class MappingsQueryDto {
  @ApiPropertyOptional({ description: 'Read Exact again instead of the ten-minute cache' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  refresh?: boolean;
}

export class PutMappingsDto {
  @ApiProperty({
    description: 'One entry per Odoo record: {odooId, exactCode (null removes), enabled?}',
    example: [{ odooId: 1, exactCode: '70' }],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => MappingChange)
  mappings: MappingChange[];
}

export class BackfillDto extends OmitType(InvoiceBackfillRequest, ['connectionId'] as const) {}
