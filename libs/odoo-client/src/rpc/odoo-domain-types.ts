/** An Odoo domain: leaves `[field, operator, value]` combined with '&', '|', '!' in Polish notation. */
export type DomainLeaf = [string, string, unknown];
export type Domain = (DomainLeaf | '&' | '|' | '!')[];

/** Odoo's `false` for an empty value. */
export type OdooValue<T> = T | false;
export type Many2one = [number, string] | false;

export function idOf(value: Many2one): number | null {
  return value ? value[0] : null;
}

export function textOf(value: OdooValue<string> | null | undefined): string | null {
  return value ? value : null;
}
