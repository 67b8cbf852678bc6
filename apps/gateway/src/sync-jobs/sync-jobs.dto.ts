import { commaSeparated } from '@app/common';
import { JOB_STATES, JobState } from '@app/sync-queue';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Filters shared by the listing and the bulk retry. */
export class SyncJobFilterDto {
  @ApiPropertyOptional({
    description: 'One or more states, comma-separated',
    example: 'failed,dead',
    enum: JOB_STATES,
    isArray: true,
  })
  @IsOptional()
  @Transform(commaSeparated)
  @IsIn(JOB_STATES, { each: true })
  state?: JobState[];

  @ApiPropertyOptional({ example: 'contact.sync' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  connectionId?: string;

  @ApiPropertyOptional({
    description: 'Text found in the source reference, the record name or the last error',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class SyncJobListQueryDto extends SyncJobFilterDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,18}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export class SyncJobIdParamDto {
  @ApiProperty({ example: '42' })
  @Matches(/^[1-9]\d{0,18}$/, { message: 'id must be a positive whole number' })
  id: string;
}
