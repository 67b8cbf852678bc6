import { Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';

/** The latest state reported by a RabbitMQ transport ('connected', 'disconnected', …). */
@Injectable()
export class BrokerStatus {
  private state = 'disconnected';

  follow(status: Observable<string>): void {
    status.subscribe((state) => (this.state = state));
  }

  get connected(): boolean {
    return this.state === 'connected' || this.state === 'unblocked';
  }
}
