import type { ExactClient } from '../http/exact-client';
import { ExactNotFoundError } from '../http/exact-errors';
import { odata } from '../odata/odata';

export interface FindOptions {
  expand?: string;
  top?: number;
}

/**
 * Reads and writes of one Exact entity set, always with an explicit `$select` (never `*`). The
 * per-entity helpers below are instances of this, so query rules live in one place.
 */
export class EntitySetApi<T, W = Partial<T>> {
  readonly select: string;

  constructor(
    readonly path: string,
    fields: readonly string[],
    private readonly key: 'guid' | 'int' = 'guid',
  ) {
    this.select = fields.join(',');
  }

  /** Every record matching `filter` (or all records), across pages. */
  find(client: ExactClient, filter?: string, options: FindOptions = {}): Promise<T[]> {
    const select = options.expand ? `${this.select},${options.expand}` : this.select;
    return client.getAll<T>(this.path, {
      $filter: filter,
      $select: select,
      $expand: options.expand,
      $top: options.top,
    });
  }

  /** Page by page, for large reads. */
  pages(client: ExactClient, filter?: string): AsyncGenerator<T[]> {
    return client.pages<T>(this.path, { $filter: filter, $select: this.select });
  }

  async get(
    client: ExactClient,
    id: string | number,
    options: FindOptions = {},
  ): Promise<T | null> {
    const select = options.expand ? `${this.select},${options.expand}` : this.select;
    try {
      const page = await client.get<T>(this.itemPath(id), {
        $select: select,
        $expand: options.expand,
      });
      return page.results[0] ?? null;
    } catch (error) {
      if (error instanceof ExactNotFoundError) return null;
      throw error;
    }
  }

  create(client: ExactClient, values: W): Promise<T> {
    return client.post<T>(this.path, values as object);
  }

  update(client: ExactClient, id: string, values: Partial<W>): Promise<void> {
    return client.put(this.itemPath(id), values as object);
  }

  remove(client: ExactClient, id: string): Promise<void> {
    return client.delete(this.itemPath(id));
  }

  itemPath(id: string | number): string {
    return `${this.path}(${this.key === 'guid' ? odata.guid(String(id)) : Number(id)})`;
  }
}
