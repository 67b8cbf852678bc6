import { WorkerConfig, withExactAccess } from '@app/common';

/** Configuration of a service that syncs connections (contacts, invoices, payments). */
export class ConnectorServiceConfig extends withExactAccess(WorkerConfig) {}

/** What ConnectionClients needs of a process's configuration (the services', the gateway's). */
export type ConnectionClientsConfig = Pick<
  ConnectorServiceConfig,
  | 'TOKEN_ENCRYPTION_KEY'
  | 'EXACT_BASE_URL'
  | 'EXACT_TIMEOUT_MS'
  | 'EXACT_RATE_WINDOW_MS'
  | 'ODOO_TIMEOUT_MS'
>;

export const CONNECTOR_SERVICE_CONFIG = Symbol('CONNECTOR_SERVICE_CONFIG');
