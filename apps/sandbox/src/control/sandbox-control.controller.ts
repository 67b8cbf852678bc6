import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { entitySet } from '../exact/entity-sets';
import { ExactCashflow } from '../exact/exact-cashflow.service';
import { ExactSeeder } from '../exact/exact-seeder.service';
import { ExactOAuth } from '../exact/oauth/exact-oauth.service';
import { WebhookDispatcher } from '../exact/webhooks/webhook-dispatcher.service';
import { ExactRateLimiter } from '../exact/exact-rate-limiter.service';
import { ExactStore } from '../exact/exact-store.service';
import { OdooEvents } from '../odoo/odoo-events.service';
import { OdooOrm } from '../odoo/odoo-orm.service';
import { OdooSandbox } from '../odoo/odoo-sandbox.service';
import { CallLog } from './call-log.service';
import { FaultInjector } from './fault-injector.service';
import type { FaultRule } from './fault-injector.service';
import { SandboxClock } from './sandbox-clock';

/** Inspection and control of the simulators (not part of Exact's or Odoo's API). */
@Controller('_sandbox')
export class SandboxControlController {
  constructor(
    private readonly calls: CallLog,
    private readonly faults: FaultInjector,
    private readonly clock: SandboxClock,
    private readonly exact: ExactStore,
    private readonly limiter: ExactRateLimiter,
    private readonly odoo: OdooOrm,
    private readonly oauth: ExactOAuth,
    private readonly webhooks: WebhookDispatcher,
    private readonly cashflow: ExactCashflow,
    private readonly exactSeeder: ExactSeeder,
    private readonly odooSandbox: OdooSandbox,
    private readonly odooEvents: OdooEvents,
  ) {}

  /** Back to the seed data, no faults, an empty call log, the real clock, default limits. */
  @Post('reset')
  @HttpCode(200)
  reset(@Body() body: { odooVersion?: number } = {}) {
    if (
      body.odooVersion !== undefined &&
      !(Number.isInteger(body.odooVersion) && body.odooVersion >= 13 && body.odooVersion <= 17)
    ) {
      throw new BadRequestException('odooVersion must be 13, 14, 15, 16 or 17');
    }
    this.calls.clear();
    this.faults.clear();
    this.clock.reset();
    this.exact.clear();
    this.limiter.reset();
    this.oauth.reset();
    this.webhooks.reset();
    this.odooSandbox.reset(body.odooVersion);
    return { ok: true, odooVersion: this.odoo.version };
  }

  @Get('calls')
  listCalls(@Query('system') system?: string, @Query('division') division?: string) {
    return this.calls.list({ system, division: division ? Number(division) : undefined });
  }

  @Delete('calls')
  clearCalls() {
    this.calls.clear();
    return { ok: true };
  }

  @Post('faults')
  addFault(@Body() rule: FaultRule) {
    if (rule?.system !== 'exact' && rule?.system !== 'odoo')
      throw new BadRequestException("system must be 'exact' or 'odoo'");
    return this.faults.add(rule);
  }

  @Get('faults')
  listFaults() {
    return this.faults.list();
  }

  @Delete('faults')
  clearFaults() {
    this.faults.clear();
    return { ok: true };
  }

  @Post('clock')
  @HttpCode(200)
  moveClock(@Body() body: { advanceMs?: number; now?: string }) {
    if (typeof body.advanceMs === 'number') this.clock.advance(body.advanceMs);
    else if (body.now) this.clock.set(new Date(body.now));
    else throw new BadRequestException('give advanceMs or now');
    return { now: this.clock.now().toISOString() };
  }

  @Post('exact/limits')
  @HttpCode(200)
  setLimits(@Body() body: { minutely?: number; daily?: number }) {
    this.limiter.setLimits(body);
    return { ok: true };
  }

  /** An accountant matches a payment with an entry in Exact: `{entryId, amount, date?}` (amount in division currency). */
  @Post('exact/:division/payments')
  @HttpCode(200)
  pay(
    @Param('division') division: string,
    @Body() body: { entryId?: string; amount?: number; date?: string },
    @Req() request: Request,
  ) {
    if (!body?.entryId || typeof body.amount !== 'number')
      throw new BadRequestException('give entryId and a numeric amount');
    return this.cashflow.pay(
      Number(division),
      origin(request),
      body.entryId,
      body.amount,
      body.date,
    );
  }

  /** An accountant undoes the payment matches of an entry. */
  @Post('exact/:division/payments/reopen')
  @HttpCode(200)
  reopen(
    @Param('division') division: string,
    @Body() body: { entryId?: string },
    @Req() request: Request,
  ) {
    if (!body?.entryId) throw new BadRequestException('give entryId');
    return this.cashflow.reopen(Number(division), origin(request), body.entryId);
  }

  /** Creates `count` accounts at once (large-volume tests and benchmarks): `{count, prefix?}`. */
  @Post('exact/:division/accounts/seed')
  @HttpCode(200)
  seedAccounts(
    @Param('division') division: string,
    @Body() body: { count?: number; prefix?: string },
  ) {
    if (!Number.isInteger(body?.count) || body.count! < 1 || body.count! > 100_000)
      throw new BadRequestException('count must be 1 to 100000');
    return {
      created: this.exactSeeder.accounts(
        Number(division),
        body.count!,
        body.prefix ?? 'Seeded Account',
      ),
    };
  }

  /** Webhook deliveries made so far, with their answers. */
  @Get('exact/webhook-deliveries')
  webhookDeliveries() {
    return this.webhooks.list();
  }

  /** Stored records of an Exact entity set, e.g. GET /_sandbox/exact/1001/crm/Accounts. */
  @Get('exact/:division/*path')
  exactRecords(@Param('division') division: string, @Param('path') path: string[]) {
    const set = entitySet(path.join('/'));
    if (!set) throw new BadRequestException(`unknown entity set ${path.join('/')}`);
    return this.exact.all(Number(division), set);
  }

  /** Switches the simulated Odoo's event publishing off and on: `{enabled}`. */
  @Post('odoo/events')
  @HttpCode(200)
  odooEventsSwitch(@Body() body: { enabled?: boolean }) {
    if (typeof body?.enabled !== 'boolean')
      throw new BadRequestException('give enabled: true or false');
    this.odooEvents.setEnabled(body.enabled);
    return this.odooEvents.status();
  }

  /** Stored records of an Odoo model, archived ones included. */
  @Get('odoo/:model')
  odooRecords(@Param('model') model: string) {
    return this.odoo.all(model);
  }
}

function origin(request: Request): string {
  return `${request.protocol}://${request.get('host')}`;
}
