/** The public event contract: CloudEvent `type` values Odoo emits (and the routing keys they use). */
export const ODOO_EVENT_TYPES = {
  partnerCreated: 'odoo.res.partner.created',
  partnerUpdated: 'odoo.res.partner.updated',
  partnerArchived: 'odoo.res.partner.archived',
  movePosted: 'odoo.account.move.posted',
  moveUpdated: 'odoo.account.move.updated',
  moveCancelled: 'odoo.account.move.cancelled',
} as const;

export type OdooEventType = (typeof ODOO_EVENT_TYPES)[keyof typeof ODOO_EVENT_TYPES];

export const ALL_ODOO_EVENT_TYPES: readonly OdooEventType[] = Object.values(ODOO_EVENT_TYPES);

/** Routing-key pattern for every partner event. */
export const PARTNER_EVENTS_PATTERN = 'odoo.res.partner.*';

/** Routing-key pattern for every invoice (account.move) event. */
export const MOVE_EVENTS_PATTERN = 'odoo.account.move.*';

/** The Odoo model an event type is about ('odoo.res.partner.updated' → 'res.partner'). */
export function modelOfEventType(type: OdooEventType): string {
  return type.split('.').slice(1, -1).join('.');
}

/**
 * Context key the connector sets on every write it makes in Odoo. The addon (and the simulator)
 * publish no event for such a change, so what came from Exact is not announced back as an Odoo
 * change and synced to Exact again.
 */
export const CONNECTOR_ORIGIN_CONTEXT_KEY = 'exact_connector_origin';
