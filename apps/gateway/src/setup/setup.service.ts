import {
  CONTACTS_PATTERNS,
  INVOICES_PATTERNS,
  InvoiceBackfillPlan,
  InvoiceBackfillReply,
  InvoiceMappingsReply,
  MappingChange,
  MappingItem,
  MappingList,
  PartnerMaster,
  PartnerSetupPlan,
  PartnerSetupReply,
} from '@app/contracts';
import { ExactSyncRpc } from '@app/sync-queue';
import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  GatewayTimeoutException,
  Injectable,
} from '@nestjs/common';
import { ConnectionsService } from '../connections/connections.service';

/** Reading both sides in full takes a while for large administrations. */
const SETUP_RPC_TIMEOUT_MS = 180_000;

type Failure = { ok: false; errorClass: string; message: string; refused?: unknown[] };

/**
 * The set-up wizard — initial partner sync, mappings, invoice backfill: the gateway checks the
 * connection, the owning service (contacts, invoices) does the work over RPC.
 */
@Injectable()
export class SetupService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly rpc: ExactSyncRpc,
  ) {}

  async partners(id: string, master: PartnerMaster, dryRun: boolean): Promise<PartnerSetupPlan> {
    await this.connections.findReady(id);
    const reply = await this.ask<PartnerSetupReply>('contacts', CONTACTS_PATTERNS.setupPartners, {
      connectionId: id,
      master,
      dryRun,
    });
    return reply.plan;
  }

  async mappings(
    id: string,
    list: MappingList,
    action: 'list' | 'put' | 'auto',
    options: { refresh?: boolean; mappings?: MappingChange[] } = {},
  ): Promise<{ items: MappingItem[]; changed?: number }> {
    await this.connections.findReady(id);
    const { ok: _ok, ...answer } = await this.ask<InvoiceMappingsReply>(
      'invoices',
      INVOICES_PATTERNS.mappings,
      { connectionId: id, list, action, ...options },
    );
    return answer;
  }

  async backfill(
    id: string,
    request: { journalIds: number[]; fromDate: string; dryRun?: boolean },
  ): Promise<InvoiceBackfillPlan> {
    await this.connections.findReady(id);
    const reply = await this.ask<InvoiceBackfillReply>('invoices', INVOICES_PATTERNS.backfill, {
      connectionId: id,
      ...request,
    });
    return reply.plan;
  }

  /** Asks the service; its refusals become 400 (changes refused), 409 (fix a mapping first) or 502. */
  private async ask<R extends { ok: boolean }>(
    service: string,
    pattern: string,
    data: object,
  ): Promise<Exclude<R, { ok: false }>> {
    let reply: R;
    try {
      reply = await this.rpc.send<R>(pattern, data, SETUP_RPC_TIMEOUT_MS);
    } catch (error) {
      throw new GatewayTimeoutException(
        `the ${service} service did not answer (${(error as Error).message}); is it running?`,
      );
    }
    if (reply.ok) return reply as Exclude<R, { ok: false }>;
    const failure = reply as unknown as Failure;
    if (failure.refused)
      throw new BadRequestException({ message: failure.message, refused: failure.refused });
    throw failure.errorClass === 'mapping'
      ? new ConflictException(failure.message)
      : new BadGatewayException(`${failure.errorClass}: ${failure.message}`);
  }
}
