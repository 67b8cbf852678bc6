import {
  JOB_STATES,
  JobFilter,
  OperatorActionResult,
  SyncJobQueue,
  jobFilterSql,
} from '@app/sync-queue';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobNotifier } from '@app/sync-queue';
import {
  SyncJobAttemptRow,
  SyncJobAttemptView,
  SyncJobRow,
  SyncJobView,
  toAttemptView,
  toSyncJobView,
} from './sync-job.view';
import { SyncJobFilterDto, SyncJobListQueryDto } from './sync-jobs.dto';

export interface SyncJobPage {
  items: SyncJobView[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface SyncJobStats {
  total: number;
  byState: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
}

/** The operator's view of the sync queue: find jobs, see their attempts, retry and cancel them. */
@Injectable()
export class SyncJobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: SyncJobQueue,
    private readonly notifier: JobNotifier,
  ) {}

  /** Newest first, keyset-paginated on the id so deep pages stay as fast as the first. */
  async list(query: SyncJobListQueryDto): Promise<SyncJobPage> {
    const { where, params } = jobFilterSql(toFilter(query));
    const cursor = query.cursor ? ` AND j.id < $${params.length + 1}` : '';
    const rows: SyncJobRow[] = await this.db.query(
      `SELECT j.* FROM sync_job j WHERE ${where}${cursor} ORDER BY j.id DESC LIMIT ${query.limit + 1}`,
      query.cursor ? [...params, query.cursor] : params,
    );
    const items = rows.slice(0, query.limit).map(toSyncJobView);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async get(id: string): Promise<SyncJobView & { attemptHistory: SyncJobAttemptView[] }> {
    const rows: SyncJobRow[] = await this.db.query(`SELECT * FROM sync_job WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundException(`sync job ${id} does not exist`);
    const attempts: SyncJobAttemptRow[] = await this.db.query(
      `SELECT * FROM sync_job_attempt WHERE job_id = $1 ORDER BY id`,
      [id],
    );
    return { ...toSyncJobView(rows[0]), attemptHistory: attempts.map(toAttemptView) };
  }

  async retry(id: string): Promise<SyncJobView> {
    const outcome = await this.queue.retry(id);
    assertAccepted(outcome);
    const pending = await this.view(id);
    await this.notifier.jobsReady([outcome]);
    return pending;
  }

  async retryMatching(filter: SyncJobFilterDto): Promise<{ count: number }> {
    const retried = await this.queue.retryMatching(toFilter(filter));
    await this.notifier.jobsReady(retried);
    return { count: retried.length };
  }

  async cancel(id: string): Promise<SyncJobView> {
    assertAccepted(await this.queue.cancel(id));
    return this.view(id);
  }

  async stats(): Promise<SyncJobStats> {
    const rows: { kind: string; state: string; count: string }[] = await this.db.query(
      `SELECT kind, state, count(*) AS count FROM sync_job GROUP BY kind, state`,
    );
    const stats: SyncJobStats = {
      total: 0,
      byState: Object.fromEntries(JOB_STATES.map((s) => [s, 0])),
      byKind: {},
    };
    for (const row of rows) {
      const count = Number(row.count);
      stats.total += count;
      stats.byState[row.state] += count;
      stats.byKind[row.kind] = { ...stats.byKind[row.kind], [row.state]: count };
    }
    return stats;
  }

  private async view(id: string): Promise<SyncJobView> {
    const rows: SyncJobRow[] = await this.db.query(`SELECT * FROM sync_job WHERE id = $1`, [id]);
    return toSyncJobView(rows[0]);
  }
}

function toFilter(dto: SyncJobFilterDto): JobFilter {
  return { states: dto.state, kind: dto.kind, connectionId: dto.connectionId, text: dto.q };
}

function assertAccepted(
  outcome: OperatorActionResult,
): asserts outcome is Extract<OperatorActionResult, { ok: true }> {
  if (outcome.ok) return;
  if (outcome.reason === 'not_found') throw new NotFoundException(outcome.detail);
  throw new ConflictException(outcome.detail);
}
