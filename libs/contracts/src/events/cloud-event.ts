import { Type, plainToInstance } from 'class-transformer';
import {
  Equals,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsRFC3339,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
  ValidationError,
  validateSync,
} from 'class-validator';
import { ALL_ODOO_EVENT_TYPES, modelOfEventType } from './odoo-event-types';
import type { OdooEventType } from './odoo-event-types';

/** `data` of every Odoo event: which record changed, never the record itself. */
export class OdooEventData {
  /** Odoo database name. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  db: string;

  /** Company of the record; absent or null for records shared by every company. */
  @IsOptional()
  @IsInt()
  @Min(1)
  company_id?: number | null;

  @IsString()
  @IsNotEmpty()
  model: string;

  @IsInt()
  @Min(1)
  res_id: number;
}

/** A CloudEvents 1.0 envelope in structured JSON mode, as Odoo publishes to `odoo.events`. */
export class OdooCloudEvent {
  @Equals('1.0')
  specversion: '1.0';

  /** Unique per event; consumers deduplicate on it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id: string;

  /** The emitting Odoo instance, e.g. its base URL. */
  @IsString()
  @IsNotEmpty()
  source: string;

  @IsIn(ALL_ODOO_EVENT_TYPES)
  type: OdooEventType;

  @IsOptional()
  @IsRFC3339()
  time?: string;

  @IsOptional()
  @Equals('application/json')
  datacontenttype?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => OdooEventData)
  data: OdooEventData;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Validates an incoming body as an Odoo CloudEvent; the reason names every offending field. */
export function parseOdooCloudEvent(body: unknown): ParseResult<OdooCloudEvent> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'the message is not a JSON object' };
  }
  const event = plainToInstance(OdooCloudEvent, body);
  const errors = validateSync(event, { forbidUnknownValues: false });
  if (errors.length > 0) {
    return { ok: false, reason: `invalid CloudEvent: ${flatten(errors).join('; ')}` };
  }
  const expectedModel = modelOfEventType(event.type);
  if (event.data.model !== expectedModel) {
    return {
      ok: false,
      reason: `invalid CloudEvent: data.model is '${event.data.model}' but type ${event.type} is about '${expectedModel}'`,
    };
  }
  return { ok: true, value: event };
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = error.constraints
      ? [`${path}: ${Object.values(error.constraints).join(', ')}`]
      : [];
    return [...own, ...flatten(error.children ?? [], `${path}.`)];
  });
}
