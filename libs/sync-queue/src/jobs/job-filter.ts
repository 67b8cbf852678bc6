import type { JobState } from './job-state';

/** The operator's filter over sync jobs (listing and bulk retry share it). */
export interface JobFilter {
  states?: JobState[];
  kind?: string;
  connectionId?: string;
  /** Free text, matched against the source reference, the label and the last error. */
  text?: string;
}

/** SQL condition (over alias `j`) for a filter; parameters are numbered from `firstParam`. */
export function jobFilterSql(
  filter: JobFilter,
  firstParam = 1,
): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (filter.states?.length) conditions.push(`j.state = ANY(${next(filter.states)}::text[])`);
  if (filter.kind) conditions.push(`j.kind = ${next(filter.kind)}`);
  if (filter.connectionId) conditions.push(`j.connection_id = ${next(filter.connectionId)}`);
  if (filter.text) {
    const pattern = next(`%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(
      `(j.source_ref ILIKE ${pattern} OR j.label ILIKE ${pattern} OR j.last_error ILIKE ${pattern})`,
    );
  }
  return { where: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}
