import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ConnectionIdParamDto,
  CreateConnectionDto,
  PinDivisionDto,
  UpdateConnectionDto,
} from './connections.dto';
import { ConnectionsService } from './connections.service';

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Create a connection (status draft); the Odoo secret is stored encrypted and never shown',
  })
  create(@Body() body: CreateConnectionDto) {
    return this.connections.create(body);
  }

  @Get()
  list() {
    return this.connections.list();
  }

  @Get(':id')
  get(@Param() { id }: ConnectionIdParamDto) {
    return this.connections.get(id);
  }

  @Patch(':id')
  update(@Param() { id }: ConnectionIdParamDto, @Body() body: UpdateConnectionDto) {
    return this.connections.update(id, body);
  }

  @Get(':id/exact/authorize')
  @ApiOperation({ summary: 'Redirect (302) to Exact Online to authorize this connection' })
  async authorize(@Param() { id }: ConnectionIdParamDto, @Res() response: Response): Promise<void> {
    response.redirect(302, await this.connections.authorizeUrl(id));
  }

  @Get(':id/exact/divisions')
  @ApiOperation({ summary: 'The divisions the authorizing user granted' })
  divisions(@Param() { id }: ConnectionIdParamDto) {
    return this.connections.divisions(id);
  }

  @Put(':id/exact/division')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pin the division every call of this connection uses' })
  pin(@Param() { id }: ConnectionIdParamDto, @Body() body: PinDivisionDto) {
    return this.connections.pinDivision(id, body.division);
  }
}
