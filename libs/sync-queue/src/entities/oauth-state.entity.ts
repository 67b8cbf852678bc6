import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The nonce of an OAuth `state` handed out by the gateway; used once, within its lifetime. */
@Entity('oauth_state')
export class OAuthStateEntity {
  @PrimaryColumn({ type: 'text' })
  nonce: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
