import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  CONNECTOR_ORIGIN_CONTEXT_KEY,
  ODOO_EVENTS_EXCHANGE,
  ODOO_EVENT_TYPES,
  assertTopology,
} from '@app/contracts';
import { ChannelModel, ConfirmChannel, connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { SANDBOX_CONFIG, SandboxConfig } from '../sandbox.config';
import { OdooOrm, OdooRecord } from './odoo-orm.service';

interface PendingEvent {
  type: string;
  model: string;
  record: OdooRecord;
}

/**
 * What the Odoo addon does: after a change is committed, publish a CloudEvent (identities only) to
 * `odoo.events` with the type as routing key. Events of one RPC call are published only when the
 * call succeeded — Odoo's after-commit hook. Changes made with `CONNECTOR_ORIGIN_CONTEXT_KEY` in the
 * context (the connector writing what came from Exact) are not announced. Switched on by SANDBOX_ODOO_EVENTS_URL, and off and on
 * again through the control API.
 */
@Injectable()
export class OdooEvents implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(OdooEvents.name);
  private pending: PendingEvent[] = [];
  private enabled: boolean;
  private connection?: ChannelModel;
  private channel?: Promise<ConfirmChannel>;
  private published = 0;

  constructor(
    private readonly orm: OdooOrm,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    this.enabled = Boolean(config.SANDBOX_ODOO_EVENTS_URL);
  }

  onModuleInit(): void {
    this.orm.onChange((change) => {
      // The connector's own writes are not announced back to it (the addon honours the same key).
      if (change.context[CONNECTOR_ORIGIN_CONTEXT_KEY]) return;
      for (const id of change.ids) {
        const record = this.orm.get(change.model, id);
        if (!record) continue;
        if (change.model === 'res.partner') {
          const type =
            change.kind === 'create'
              ? ODOO_EVENT_TYPES.partnerCreated
              : change.values.active === false
                ? ODOO_EVENT_TYPES.partnerArchived
                : ODOO_EVENT_TYPES.partnerUpdated;
          this.pending.push({ type, model: change.model, record });
        }
        if (
          change.model === 'account.move' &&
          change.kind === 'write' &&
          record.state === 'posted'
        ) {
          this.recordMoveEvent('updated', record);
        }
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
  }

  status() {
    return {
      enabled: this.enabled,
      configured: Boolean(this.config.SANDBOX_ODOO_EVENTS_URL),
      published: this.published,
    };
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled && Boolean(this.config.SANDBOX_ODOO_EVENTS_URL);
  }

  recordMoveEvent(kind: 'posted' | 'updated' | 'cancelled', move: OdooRecord): void {
    const type = {
      posted: ODOO_EVENT_TYPES.movePosted,
      updated: ODOO_EVENT_TYPES.moveUpdated,
      cancelled: ODOO_EVENT_TYPES.moveCancelled,
    }[kind];
    if (
      this.pending.some(
        (event) =>
          event.model === 'account.move' && event.record.id === move.id && event.type === type,
      )
    )
      return;
    this.pending.push({ type, model: 'account.move', record: move });
  }

  /** The call's transaction committed: publish what it changed. */
  async flush(): Promise<void> {
    const events = this.pending;
    this.pending = [];
    if (!this.enabled || events.length === 0) return;
    try {
      const channel = await this.openChannel();
      for (const { type, model, record } of events) {
        const event = {
          specversion: '1.0',
          id: randomUUID(),
          source: `${this.config.SANDBOX_ODOO_EVENTS_SOURCE}/${this.config.SANDBOX_ODOO_DB}`,
          type,
          time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          datacontenttype: 'application/json',
          data: {
            db: this.config.SANDBOX_ODOO_DB,
            company_id: typeof record.company_id === 'number' ? record.company_id : null,
            model,
            res_id: record.id,
          },
        };
        channel.publish(ODOO_EVENTS_EXCHANGE, type, Buffer.from(JSON.stringify(event)), {
          persistent: true,
          contentType: 'application/json',
          messageId: event.id,
        });
      }
      await channel.waitForConfirms();
      this.published += events.length;
    } catch (error) {
      this.log.warn(
        `could not publish ${events.length} event(s) to ${ODOO_EVENTS_EXCHANGE}: ${(error as Error).message}`,
      );
      this.channel = undefined;
    }
  }

  /** The call failed: its changes were rolled back, so nothing is announced. */
  discard(): void {
    this.pending = [];
  }

  private openChannel(): Promise<ConfirmChannel> {
    this.channel ??= (async () => {
      this.connection = await connect(this.config.SANDBOX_ODOO_EVENTS_URL!);
      this.connection.on('error', () => (this.channel = undefined));
      this.connection.on('close', () => (this.channel = undefined));
      const channel = await this.connection.createConfirmChannel();
      await assertTopology(channel);
      return channel;
    })();
    return this.channel;
  }
}
