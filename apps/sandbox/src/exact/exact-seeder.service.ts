import { Injectable } from '@nestjs/common';
import { ACCOUNTS } from './entity-sets';
import { ExactRules } from './exact-rules';
import { ExactStore } from './exact-store.service';
import { SandboxClock } from '../control/sandbox-clock';

/** Fills a division with many records without going through the rate-limited API. */
@Injectable()
export class ExactSeeder {
  constructor(
    private readonly store: ExactStore,
    private readonly clock: SandboxClock,
  ) {}

  accounts(division: number, count: number, prefix: string): number {
    const rules = new ExactRules(this.store, division, this.clock.now());
    for (let i = 1; i <= count; i++) {
      const values = {
        Name: `${prefix} ${i}`,
        City: 'Utrecht',
        Postcode: String(3500 + (i % 400)),
        Country: 'NL',
        VATNumber: `NL${String(100_000_000 + i).padStart(9, '0')}B01`,
        Status: 'C',
        Blocked: false,
        IsSupplier: i % 5 === 0,
      };
      rules.beforeInsert(ACCOUNTS, values);
      this.store.insert(division, ACCOUNTS, values);
    }
    return count;
  }
}
