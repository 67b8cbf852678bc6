import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConnectionIdParamDto, PartnerSetupDto } from '../connections/connections.dto';
import { SetupService } from './setup.service';

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
}
