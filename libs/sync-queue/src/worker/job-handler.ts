import { Injectable, SetMetadata, applyDecorators } from '@nestjs/common';
import type { ClaimedJob } from '../jobs/claimed-job';

export const JOB_HANDLER_KIND = Symbol('JOB_HANDLER_KIND');

/** What a handler may tell the worker while it runs. */
export interface JobRun {
  /** Names the record (e.g. the partner's name) so operators can search for it. */
  setLabel(label: string): void;
}

/** Runs the jobs of one kind. Throw a ConnectorError subclass to say what kind of failure it was. */
export interface SyncJobHandler {
  handle(job: ClaimedJob, run: JobRun): Promise<Record<string, unknown> | void>;
}

/** Marks a provider as the handler of a job kind; the worker of its process discovers it. */
export function JobHandler(kind: string): ClassDecorator {
  return applyDecorators(SetMetadata(JOB_HANDLER_KIND, kind), Injectable());
}
