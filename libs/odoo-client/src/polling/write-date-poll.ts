import type { OdooRpc } from '../rpc/odoo-rpc';
import type { Domain } from '../rpc/odoo-domain-types';

/** Where the previous poll stopped: the last (write_date, id) seen. */
export interface WriteDateCursor {
  writeDate: string;
  id: number;
}

export interface PollOptions {
  /** Extra conditions (company, type …). */
  domain?: Domain;
  /**
   * How far back to look again: write_date is the start of the writing transaction, so a long
   * transaction that commits after a poll carries an older write_date than what the poll saw.
   */
  overlapSeconds?: number;
  pageSize?: number;
}

/**
 * Records changed since a cursor, oldest first in (write_date, id) order, read page by page with a
 * keyset (no offsets over moving data). The overlap re-reads recent records, so callers must treat
 * what they get idempotently (the sync jobs do: unchanged data costs nothing). Answers the records and
 * the cursor for the next poll.
 */
export async function pollChangedRecords<T extends { id: number; write_date: string }>(
  rpc: OdooRpc,
  model: string,
  fields: string[],
  cursor: WriteDateCursor | null,
  options: PollOptions = {},
): Promise<{ records: T[]; cursor: WriteDateCursor | null }> {
  const pageSize = options.pageSize ?? 200;
  const overlap = options.overlapSeconds ?? 300;
  // Start after the cursor, or — with an overlap — at the start of the overlap window.
  let after: WriteDateCursor = cursor
    ? overlap > 0
      ? { writeDate: shift(cursor.writeDate, -overlap), id: 0 }
      : cursor
    : { writeDate: '1970-01-01 00:00:00', id: 0 };
  const records: T[] = [];
  for (;;) {
    const keyset: Domain = [
      '|',
      ['write_date', '>', after.writeDate],
      '&',
      ['write_date', '=', after.writeDate],
      ['id', '>', after.id],
    ];
    const page = await rpc.executeKw<T[]>(
      model,
      'search_read',
      [[...(options.domain ?? []), ...keyset]],
      {
        fields: [...new Set(['write_date', ...fields])],
        order: 'write_date asc, id asc',
        limit: pageSize,
        context: { active_test: false },
      },
    );
    records.push(...page);
    if (page.length > 0)
      after = { writeDate: page[page.length - 1].write_date, id: page[page.length - 1].id };
    if (page.length < pageSize) break;
  }
  const last =
    records.length > 0
      ? { writeDate: records[records.length - 1].write_date, id: records[records.length - 1].id }
      : cursor;
  return { records, cursor: newer(last, cursor) };
}

function newer(a: WriteDateCursor | null, b: WriteDateCursor | null): WriteDateCursor | null {
  if (!a) return b;
  if (!b) return a;
  return a.writeDate > b.writeDate || (a.writeDate === b.writeDate && a.id > b.id) ? a : b;
}

/** 'YYYY-MM-DD HH:MM:SS' (UTC, as Odoo writes it) moved by `seconds`. */
function shift(writeDate: string, seconds: number): string {
  return new Date(Date.parse(`${writeDate.replace(' ', 'T')}Z`) + seconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .slice(0, 19);
}
