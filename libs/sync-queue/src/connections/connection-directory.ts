import { SecretBox } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import {
  ConnectionEntity,
  ConnectionFeatures,
  ConnectionSettings,
  ConnectionStatus,
  ExactCountry,
} from '../entities/connection.entity';

export interface NewConnection {
  name: string;
  odooUrl: string;
  odooDb: string;
  odooLogin: string;
  /** Plaintext; stored encrypted. */
  odooSecret: string;
  odooCompanyId: number;
  exactCountry: ExactCountry;
  exactDivision?: number | null;
  features?: Partial<ConnectionFeatures>;
  settings?: ConnectionSettings;
  status?: ConnectionStatus;
}

export const ALL_FEATURES_ON: ConnectionFeatures = {
  contacts: true,
  sales: true,
  purchases: true,
  payments: true,
};

/** Looks connections up for the services; creates them for set-up code. */
@Injectable()
export class ConnectionDirectory {
  constructor(
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
  ) {}

  findById(id: string): Promise<ConnectionEntity | null> {
    return this.connections.findOneBy({ id });
  }

  /**
   * The connections an Odoo record belongs to: same database and company. A record without a
   * company (a partner shared by all companies) belongs to every connection of that database.
   */
  findForOdooRecord(
    odooDb: string,
    companyId: number | null | undefined,
    manager?: EntityManager,
  ): Promise<ConnectionEntity[]> {
    const repository = manager ? manager.getRepository(ConnectionEntity) : this.connections;
    return repository.find({
      where: companyId ? { odooDb, odooCompanyId: companyId } : { odooDb },
      order: { createdAt: 'ASC' },
    });
  }

  /** Stores a connection with its Odoo secret encrypted under the connection's own id. */
  async create(
    input: NewConnection,
    secrets: SecretBox,
    manager?: EntityManager,
  ): Promise<ConnectionEntity> {
    const repository = manager ? manager.getRepository(ConnectionEntity) : this.connections;
    const id = randomUUID();
    const entity = repository.create({
      id,
      name: input.name,
      odooUrl: input.odooUrl,
      odooDb: input.odooDb,
      odooLogin: input.odooLogin,
      odooSecret: secrets.encrypt(input.odooSecret, id),
      odooCompanyId: input.odooCompanyId,
      exactCountry: input.exactCountry,
      exactDivision: input.exactDivision ?? null,
      features: { ...ALL_FEATURES_ON, ...input.features },
      settings: input.settings ?? {},
      status: input.status ?? 'draft',
      statusReason: null,
    });
    return repository.save(entity);
  }
}
