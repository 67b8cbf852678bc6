import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ConnectionsService } from '../connections/connections.service';

/** Exact Online sends the user back here (EXACT_REDIRECT_URI); the signed state says which connection it was for. */
@ApiExcludeController()
@Controller('oauth/exact')
export class ExactCallbackController {
  constructor(private readonly connections: ConnectionsService) {}

  @Get('callback')
  callback(@Query() query: Record<string, string | undefined>) {
    return this.connections.completeAuthorization(query);
  }
}
