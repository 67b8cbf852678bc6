import { ConnectorServiceConfig } from '@app/sync-queue';

export class ContactsConfig extends ConnectorServiceConfig {
  override HTTP_PORT = 3002;
}
