import { EXACT_SYNC_EXCHANGE } from '@app/contracts';
import { DynamicModule, Injectable, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { ClientRMQ } from '@nestjs/microservices';
import { lastValueFrom, timeout } from 'rxjs';
import { EXACT_SYNC_CLIENT, JobNotifier } from './job-notifier.service';

/** Request/reply over `exact-sync` (the auth service's token RPC) with Nest's RabbitMQ client. */
@Injectable()
export class ExactSyncRpc implements OnApplicationShutdown {
  constructor(@Inject(EXACT_SYNC_CLIENT) private readonly client: ClientRMQ) {}

  send<T>(pattern: string, data: object, timeoutMs = 15_000): Promise<T> {
    return lastValueFrom(this.client.send<T>(pattern, data).pipe(timeout(timeoutMs)));
  }

  /** For /health: whether the broker connection is (or can be) established. */
  async reachable(): Promise<boolean> {
    try {
      await this.client.connect();
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** The connector's client of its internal `exact-sync` exchange: RPC, and announcing due jobs. */
@Module({})
export class ExactSyncClientModule {
  static forRoot(rabbitmqUrl: string): DynamicModule {
    return {
      module: ExactSyncClientModule,
      global: true,
      providers: [
        {
          provide: EXACT_SYNC_CLIENT,
          useFactory: () =>
            new ClientRMQ({
              urls: [rabbitmqUrl],
              exchange: EXACT_SYNC_EXCHANGE,
              exchangeType: 'topic',
              wildcards: true,
              persistent: true,
            }),
        },
        ExactSyncRpc,
        JobNotifier,
      ],
      exports: [ExactSyncRpc, JobNotifier],
    };
  }
}
