import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OdooAccounting } from './odoo-accounting.service';
import { OdooEvents } from './odoo-events.service';
import { OdooOrm } from './odoo-orm.service';
import { seedOdoo } from './odoo-seed';

/** The simulated Odoo database as a whole: emptied, switched to a version and seeded again on reset. */
@Injectable()
export class OdooSandbox implements OnApplicationBootstrap {
  constructor(
    private readonly orm: OdooOrm,
    private readonly accounting: OdooAccounting,
    private readonly events: OdooEvents,
  ) {}

  onApplicationBootstrap(): void {
    this.reset();
  }

  reset(version?: number): void {
    this.orm.clear(version);
    seedOdoo(this.orm, this.accounting);
    // Seeding is the database's history, not news: nothing of it is published.
    this.events.discard();
  }
}
