import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CallLog } from './control/call-log.service';
import { FaultInjector } from './control/fault-injector.service';
import { SandboxClock } from './control/sandbox-clock';
import { SandboxControlController } from './control/sandbox-control.controller';
import { SandboxTrafficMiddleware } from './control/sandbox-traffic.middleware';
import { ExactApiController } from './exact/exact-api.controller';
import { ExactApi } from './exact/exact-api.service';
import { ExactRateLimiter } from './exact/exact-rate-limiter.service';
import { ExactStore } from './exact/exact-store.service';
import { ExactCashflow } from './exact/exact-cashflow.service';
import { ExactSeeder } from './exact/exact-seeder.service';
import { ExactOAuthController } from './exact/oauth/exact-oauth.controller';
import { ExactOAuth } from './exact/oauth/exact-oauth.service';
import { WebhookDispatcher } from './exact/webhooks/webhook-dispatcher.service';
import { OdooAccounting } from './odoo/odoo-accounting.service';
import { OdooEvents } from './odoo/odoo-events.service';
import { OdooOrm } from './odoo/odoo-orm.service';
import { OdooPortalController } from './odoo/odoo-portal.controller';
import { OdooSandbox } from './odoo/odoo-sandbox.service';
import { OdooRpcController } from './odoo/odoo-rpc.controller';
import { OdooRpc } from './odoo/odoo-rpc.service';
import { SANDBOX_CONFIG, SandboxConfig } from './sandbox.config';

/** The Exact Online and Odoo simulators, with fault injection and inspection. */
@Module({})
export class SandboxModule implements NestModule {
  static register(config: SandboxConfig) {
    return {
      module: SandboxModule,
      controllers: [
        SandboxControlController,
        ExactOAuthController,
        ExactApiController,
        OdooRpcController,
        OdooPortalController,
      ],
      providers: [
        { provide: SANDBOX_CONFIG, useValue: config },
        SandboxClock,
        CallLog,
        FaultInjector,
        ExactStore,
        ExactRateLimiter,
        ExactApi,
        ExactOAuth,
        WebhookDispatcher,
        ExactCashflow,
        ExactSeeder,
        OdooOrm,
        OdooAccounting,
        OdooEvents,
        OdooSandbox,
        OdooRpc,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(SandboxTrafficMiddleware)
      .forRoutes(ExactOAuthController, ExactApiController, OdooRpcController, OdooPortalController);
  }
}
