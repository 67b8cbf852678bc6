import { WorkerConfig } from '@app/common';
import { WorkerRuntimeModule } from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';

/** The payments service. It joins the queue and reports /health; its sync flows are still to be built. */
@Module({})
export class PaymentsModule {
  static register(config: WorkerConfig): DynamicModule {
    return { module: PaymentsModule, imports: [WorkerRuntimeModule.forRoot('payments', config)] };
  }
}
