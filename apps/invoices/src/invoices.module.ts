import { WorkerConfig } from '@app/common';
import { WorkerRuntimeModule } from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';

/** The invoices service. It joins the queue and reports /health; its sync flows are still to be built. */
@Module({})
export class InvoicesModule {
  static register(config: WorkerConfig): DynamicModule {
    return { module: InvoicesModule, imports: [WorkerRuntimeModule.forRoot('invoices', config)] };
  }
}
