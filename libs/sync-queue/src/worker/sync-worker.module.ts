import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventIntakeService } from '../intake/event-intake.service';
import { JobWakeupConsumer } from './job-wakeup.consumer';
import { JobWorker } from './job-worker';
import { SYNC_WORKER_OPTIONS, SyncWorkerOptions } from './worker.options';

/** What a job-running service adds to SyncQueueModule: the worker, the event intake, wake-ups. */
@Module({})
export class SyncWorkerModule {
  static forRoot(options: SyncWorkerOptions): DynamicModule {
    return {
      module: SyncWorkerModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [JobWakeupConsumer],
      providers: [
        { provide: SYNC_WORKER_OPTIONS, useValue: options },
        JobWorker,
        EventIntakeService,
      ],
      exports: [JobWorker, EventIntakeService],
    };
  }
}
