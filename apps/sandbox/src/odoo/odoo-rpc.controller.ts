import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { OdooRpc } from './odoo-rpc.service';

/** Odoo's external JSON-RPC endpoint; errors come back with HTTP 200, as Odoo sends them. */
@Controller('jsonrpc')
export class OdooRpcController {
  constructor(private readonly rpc: OdooRpc) {}

  @Post()
  @HttpCode(200)
  handle(@Body() body: unknown): Promise<unknown> {
    return this.rpc.handle(body as Parameters<OdooRpc['handle']>[0]);
  }
}
