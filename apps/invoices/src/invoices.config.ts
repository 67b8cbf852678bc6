import { ConnectorServiceConfig } from '@app/sync-queue';

export class InvoicesConfig extends ConnectorServiceConfig {
  override HTTP_PORT = 3003;
}
