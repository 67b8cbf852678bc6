import { OdooRpc } from './odoo-rpc';
import { OdooVersionAdapter, majorVersion } from './odoo-version';

/** One Odoo database for one company: the JSON-RPC connection and the adapter of its version (detected once). */
export class OdooClient {
  private adapterPromise?: Promise<OdooVersionAdapter>;

  constructor(
    readonly rpc: OdooRpc,
    /** Base URL of the Odoo server (for the portal PDF download). */
    readonly baseUrl: string,
  ) {}

  adapter(): Promise<OdooVersionAdapter> {
    this.adapterPromise ??= this.rpc
      .version()
      .then((version) => new OdooVersionAdapter(majorVersion(version.server_serie)));
    this.adapterPromise.catch(() => (this.adapterPromise = undefined));
    return this.adapterPromise;
  }
}
