import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Exact Online tokens of a connection, encrypted; written only by the auth service. */
@Entity('exact_token')
export class ExactTokenEntity {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @Column({ name: 'access_token', type: 'text' })
  accessToken: string;

  @Column({ name: 'refresh_token', type: 'text' })
  refreshToken: string;

  @Column({ name: 'access_expires_at', type: 'timestamptz' })
  accessExpiresAt: Date;

  /** When the token endpoint last answered; Exact refuses a refresh within 570 s of it. */
  @Column({ name: 'last_token_request_at', type: 'timestamptz' })
  lastTokenRequestAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
