import { WorkerConfig } from '@app/common';
import { WorkerRuntimeModule } from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';

/** The auth service. It joins the queue and reports /health; its sync flows are still to be built. */
@Module({})
export class AuthModule {
  static register(config: WorkerConfig): DynamicModule {
    return { module: AuthModule, imports: [WorkerRuntimeModule.forRoot('auth', config)] };
  }
}
