/** Exact Online's country hosts; tokens are valid only on the host that issued them. */
export const EXACT_HOSTS = {
  nl: 'https://start.exactonline.nl',
  be: 'https://start.exactonline.be',
  de: 'https://start.exactonline.de',
  'co.uk': 'https://start.exactonline.co.uk',
  com: 'https://start.exactonline.com',
  fr: 'https://start.exactonline.fr',
  es: 'https://start.exactonline.es',
} as const;

export type ExactCountryHost = keyof typeof EXACT_HOSTS;

/** The base URL for a country, unless EXACT_BASE_URL overrides it (the sandbox does). */
export function exactBaseUrl(country: ExactCountryHost, override?: string): string {
  return (override ?? EXACT_HOSTS[country]).replace(/\/+$/, '');
}
