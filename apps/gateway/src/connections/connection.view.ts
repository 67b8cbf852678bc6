import { ConnectionEntity, connectionSettings } from '@app/sync-queue';

/** A connection as the admin API shows it: everything but its secrets. */
export function toConnectionView(connection: ConnectionEntity) {
  return {
    id: connection.id,
    name: connection.name,
    odooUrl: connection.odooUrl,
    odooDb: connection.odooDb,
    odooLogin: connection.odooLogin,
    odooCompanyId: connection.odooCompanyId,
    exactCountry: connection.exactCountry,
    exactDivision: connection.exactDivision,
    exactUserName: connection.exactUserName,
    features: connection.features,
    settings: connectionSettings(connection),
    status: connection.status,
    statusReason: connection.statusReason,
    createdAt: connection.createdAt,
    updatedAt: connection.updatedAt,
  };
}

export type ConnectionView = ReturnType<typeof toConnectionView>;
