import {
  CONNECTOR_SERVICE_CONFIG,
  ConnectionClients,
  ExactSyncClientModule,
  PaymentPolls,
  WorkerRuntimeModule,
} from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PAYMENTS_CONFIG, PaymentsConfig } from './payments.config';
import { PaymentApplyHandler } from './payments/payment-apply.handler';
import { PaymentPollHandler } from './polling/payment-poll.handler';
import { PaymentPollScheduler } from './polling/payment-poll.scheduler';

/** The payments service: Exact payment terms → payments on the invoices in Odoo. */
@Module({})
export class PaymentsModule {
  static register(config: PaymentsConfig): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [
        WorkerRuntimeModule.forRoot('payments', config),
        ExactSyncClientModule.forRoot(config.RABBITMQ_URL),
        ScheduleModule.forRoot(),
      ],
      providers: [
        { provide: CONNECTOR_SERVICE_CONFIG, useValue: config },
        { provide: PAYMENTS_CONFIG, useValue: config },
        ConnectionClients,
        PaymentPolls,
        PaymentPollScheduler,
        PaymentPollHandler,
        PaymentApplyHandler,
      ],
    };
  }
}
