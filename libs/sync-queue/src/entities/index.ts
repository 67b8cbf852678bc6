import { ConnectionEntity } from './connection.entity';
import { EntityLinkEntity } from './entity-link.entity';
import { ExactTokenEntity } from './exact-token.entity';
import { InboxEntity } from './inbox.entity';
import { MappingEntity } from './mapping.entity';
import { OAuthStateEntity } from './oauth-state.entity';
import { SyncCursorEntity } from './sync-cursor.entity';
import { SyncJobAttemptEntity } from './sync-job-attempt.entity';
import { SyncJobEntity } from './sync-job.entity';

export * from './connection.entity';
export * from './entity-link.entity';
export * from './exact-token.entity';
export * from './inbox.entity';
export * from './mapping.entity';
export * from './oauth-state.entity';
export * from './sync-cursor.entity';
export * from './sync-job-attempt.entity';
export * from './sync-job.entity';

export const CONNECTOR_ENTITIES = [
  ConnectionEntity,
  ExactTokenEntity,
  SyncJobEntity,
  SyncJobAttemptEntity,
  EntityLinkEntity,
  MappingEntity,
  SyncCursorEntity,
  InboxEntity,
  OAuthStateEntity,
];
