import type { FieldType } from '../odata-filter';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** How the simulator stores, checks and shows one Exact Online entity set. */
export interface EntitySetDefinition {
  /** Path under /api/v1/{division}/, e.g. 'crm/Accounts'. */
  path: string;
  /** `__metadata.type` of its records. */
  type: string;
  key: string;
  fields: Record<string, FieldType>;
  methods: Method[];
  /** Fields a POST must carry (the "Mandatory" column of Exact's reference). */
  mandatoryOnPost: string[];
  /** Fields Exact fills itself; sent values are ignored. */
  serverFields: string[];
  /** When set, a collection GET must filter on at least one of these. */
  mandatoryFilterFields?: string[];
  /** When set, $filter may use only these fields (sync endpoints: Timestamp). */
  filterableFields?: string[];
  /** bulk endpoints refuse a GET without $select. */
  requireSelect?: boolean;
  pageSize: number;
  /** Views (sync/…, bulk/…, Receivables) show the records of another set. */
  source?: string;
  /** Which records of the source a view shows. */
  sourceFilter?: (record: Record<string, unknown>) => boolean;
  /** Sync endpoints return records in Timestamp order. */
  orderByTimestamp?: boolean;
  /** GUID fields that must name a record of another set in the same division (field → set path). */
  references?: Record<string, string>;
  /** A collection posted with the parent (SalesEntryLines), stored in its own set. */
  children?: { field: string; set: string; parentKey: string };
  /** Webhook topic its changes are announced on. */
  topic?: string;
  /** Accepted on write, never shown on read (attachment content). */
  writeOnlyFields?: string[];
}

/** Field types from lists: `fields({ guid: 'ID Account', string: 'Name Code' })`. */
export function fields(spec: Partial<Record<FieldType, string>>): Record<string, FieldType> {
  const result: Record<string, FieldType> = {};
  for (const [type, names] of Object.entries(spec) as [FieldType, string][]) {
    for (const name of names.split(/\s+/).filter(Boolean)) result[name] = type;
  }
  return result;
}

export const AUDIT_FIELDS = fields({
  datetime: 'Created Modified',
  guid: 'Creator Modifier',
  string: 'CreatorFullName ModifierFullName',
  number: 'Division',
});
export const SERVER_FIELDS = [
  'Created',
  'Creator',
  'CreatorFullName',
  'Modified',
  'Modifier',
  'ModifierFullName',
  'Division',
];
export const CRUD: Method[] = ['GET', 'POST', 'PUT', 'DELETE'];
