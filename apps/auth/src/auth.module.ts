import { ExactSyncClientModule, WorkerRuntimeModule } from '@app/sync-queue';
import { DynamicModule, Module } from '@nestjs/common';
import { AUTH_CONFIG, AuthConfig } from './auth.config';
import { AuthRpcConsumer } from './tokens/auth-rpc.consumer';
import { TokenCustody } from './tokens/token-custody.service';

/** The auth service: sole owner of the Exact Online tokens. */
@Module({})
export class AuthModule {
  static register(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        WorkerRuntimeModule.forRoot('auth', config),
        ExactSyncClientModule.forRoot(config.RABBITMQ_URL),
      ],
      controllers: [AuthRpcConsumer],
      providers: [{ provide: AUTH_CONFIG, useValue: config }, TokenCustody],
    };
  }
}
