import { MAPPING_LISTS } from '@app/contracts';
import type { MappingList } from '@app/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ConnectionIdParamDto, PartnerSetupDto } from '../connections/connections.dto';
import { BackfillDto, MappingsQueryDto, PutMappingsDto } from './setup.dto';
import { SetupService } from './setup.service';

class MappingListParam extends ConnectionIdParamDto {
  @ApiProperty({ enum: MAPPING_LISTS })
  @IsIn(MAPPING_LISTS)
  list: MappingList;
}

@ApiTags('setup')
@ApiBearerAuth()
@Controller('api/connections/:id/setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Post('partners')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Initial partner sync: with dryRun the counts (create, link, update, conflicts) and the Exact calls needed; without, the jobs are queued',
  })
  partners(@Param() { id }: ConnectionIdParamDto, @Body() body: PartnerSetupDto) {
    return this.setup.partners(id, body.master, body.dryRun ?? false);
  }

  @Get('mappings/:list')
  @ApiOperation({
    summary:
      'Odoo journals, accounts, taxes or payment terms with their Exact code, status (valid, or invalid with the reason) and the Exact records that fit',
  })
  mappings(@Param() { id, list }: MappingListParam, @Query() query: MappingsQueryDto) {
    return this.setup.mappings(id, list, 'list', { refresh: query.refresh });
  }

  @Put('mappings/:list')
  @ApiOperation({
    summary:
      'Set Exact codes in bulk (exactCode null removes a mapping; enabled switches a journal); all are checked first, nothing is stored if one is refused',
  })
  putMappings(@Param() { id, list }: MappingListParam, @Body() body: PutMappingsDto) {
    return this.setup.mappings(id, list, 'put', { mappings: body.mappings });
  }

  @Post('mappings/:list/auto')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Map what is obvious: journals and accounts with the same code, taxes with the same percentage and use',
  })
  autoMappings(@Param() { id, list }: MappingListParam) {
    return this.setup.mappings(id, list, 'auto');
  }

  @Post('invoices')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Backfill posted invoices of journals from a date: with dryRun the count, Exact calls and days of budget; without, the jobs are queued oldest first, paced by the daily budget',
  })
  invoices(@Param() { id }: ConnectionIdParamDto, @Body() body: BackfillDto) {
    return this.setup.backfill(id, body);
  }
}
