import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SyncJobFilterDto, SyncJobIdParamDto, SyncJobListQueryDto } from './sync-jobs.dto';
import { SyncJobsService } from './sync-jobs.service';

@ApiTags('sync jobs')
@ApiBearerAuth()
@Controller('api/sync-jobs')
export class SyncJobsController {
  constructor(private readonly jobs: SyncJobsService) {}

  @Get()
  @ApiOperation({ summary: 'Jobs, newest first, filtered by state, kind, connection and text' })
  list(@Query() query: SyncJobListQueryDto) {
    return this.jobs.list(query);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Job counts per state and per kind' })
  stats() {
    return this.jobs.stats();
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retry every failed, dead or cancelled job matching the filter; answers the count',
  })
  retryMatching(@Body() filter: SyncJobFilterDto) {
    return this.jobs.retryMatching(filter);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One job with the history of its attempts' })
  get(@Param() { id }: SyncJobIdParamDto) {
    return this.jobs.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a failed, dead or cancelled job back to pending; it runs at once' })
  retry(@Param() { id }: SyncJobIdParamDto) {
    return this.jobs.retry(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pending, running or failed job' })
  cancel(@Param() { id }: SyncJobIdParamDto) {
    return this.jobs.cancel(id);
  }
}
