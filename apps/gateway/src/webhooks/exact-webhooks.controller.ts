import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExcludeEndpoint,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsUrl } from 'class-validator';
import type { Request } from 'express';
import { ConnectionIdParamDto } from '../connections/connections.dto';
import { ExactWebhooksService } from './exact-webhooks.service';

export class SubscribeWebhooksDto {
  @ApiProperty({
    example: 'https://connector.example.com/webhooks/exact',
    description: "This gateway's /webhooks/exact as Exact can reach it (HTTPS at Exact)",
  })
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  callbackUrl: string;
}

@ApiTags('webhooks')
@Controller()
export class ExactWebhooksController {
  constructor(private readonly webhooks: ExactWebhooksService) {}

  /** Exact POSTs here; no admin key — the HashCode is the authentication. */
  @Post('webhooks/exact')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  receive(@Req() request: RawBodyRequest<Request>) {
    return this.webhooks.receive(request.rawBody?.toString('utf8') ?? '');
  }

  @Post('api/connections/:id/payments/poll')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Look for payments in Exact Online now (queues the payment poll)' })
  pollNow(@Param() { id }: ConnectionIdParamDto) {
    return this.webhooks.pollNow(id);
  }

  @Post('api/connections/:id/exact/webhooks')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Subscribe the connection's division to payment changes (topic FinancialTransactions): each delivery triggers its payment poll",
  })
  subscribe(@Param() { id }: ConnectionIdParamDto, @Body() body: SubscribeWebhooksDto) {
    return this.webhooks.subscribe(id, body.callbackUrl);
  }
}
