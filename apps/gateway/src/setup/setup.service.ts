import {
  CONTACTS_PATTERNS,
  PartnerMaster,
  PartnerSetupPlan,
  PartnerSetupReply,
} from '@app/contracts';
import { ConnectionEntity, ExactSyncRpc } from '@app/sync-queue';
import {
  BadGatewayException,
  ConflictException,
  GatewayTimeoutException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

/** Reading both sides in full takes a while for large administrations. */
const SETUP_RPC_TIMEOUT_MS = 180_000;

/** The initial-sync wizard: the gateway checks the connection, the owning service does the work. */
@Injectable()
export class SetupService {
  constructor(
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
    private readonly rpc: ExactSyncRpc,
  ) {}

  async partners(id: string, master: PartnerMaster, dryRun: boolean): Promise<PartnerSetupPlan> {
    const connection = await this.connections.findOneBy({ id });
    if (!connection) throw new NotFoundException(`connection ${id} does not exist`);
    if (connection.status !== 'ready')
      throw new ConflictException(
        `connection '${connection.name}' is ${connection.status}: authorize it and pin a division first`,
      );
    let reply: PartnerSetupReply;
    try {
      reply = await this.rpc.send<PartnerSetupReply>(
        CONTACTS_PATTERNS.setupPartners,
        { connectionId: id, master, dryRun },
        SETUP_RPC_TIMEOUT_MS,
      );
    } catch (error) {
      throw new GatewayTimeoutException(
        `the contacts service did not answer (${(error as Error).message}); is it running?`,
      );
    }
    if (!reply.ok)
      throw reply.errorClass === 'mapping'
        ? new ConflictException(reply.message)
        : new BadGatewayException(`${reply.errorClass}: ${reply.message}`);
    return reply.plan;
  }
}
