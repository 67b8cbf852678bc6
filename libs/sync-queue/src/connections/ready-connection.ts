import { MappingError, RetryLaterError } from '@app/common';
import { ConnectionEntity, ConnectionFeatures } from '../entities/connection.entity';
import { ConnectionDirectory } from './connection-directory';

const NOT_READY_RETRY_MS = 60_000;

/**
 * The connection a job runs for, once it can be used: a missing one is a mapping error; one that is
 * not ready (authorizing, re-authorization needed) makes the job wait without using an attempt.
 * Null when the feature the job belongs to is switched off for it (null: the job checks it later).
 */
export async function readyConnection(
  directory: ConnectionDirectory,
  connectionId: string,
  feature: null,
): Promise<ConnectionEntity>;
export async function readyConnection(
  directory: ConnectionDirectory,
  connectionId: string,
  feature: keyof ConnectionFeatures,
): Promise<ConnectionEntity | null>;
export async function readyConnection(
  directory: ConnectionDirectory,
  connectionId: string,
  feature: keyof ConnectionFeatures | null,
): Promise<ConnectionEntity | null> {
  const connection = await directory.findById(connectionId);
  if (!connection) throw new MappingError(`connection ${connectionId} no longer exists`);
  if (feature && !connection.features[feature]) return null;
  if (connection.status !== 'ready') {
    throw new RetryLaterError(
      `connection '${connection.name}' is ${connection.status}; waiting until it is ready`,
      new Date(Date.now() + NOT_READY_RETRY_MS),
    );
  }
  return connection;
}

export function skipped(reason: string): { action: 'skipped'; reason: string } {
  return { action: 'skipped', reason };
}
