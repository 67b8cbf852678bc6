import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Message ids a consumer has processed; a redelivered or republished message is recognised here. */
@Entity('inbox')
export class InboxEntity {
  @PrimaryColumn({ type: 'text' })
  consumer: string;

  @PrimaryColumn({ name: 'message_id', type: 'text' })
  messageId: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
