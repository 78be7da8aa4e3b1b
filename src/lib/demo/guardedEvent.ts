import { Event, type EventInit } from '../event.ts';
import { ValidationError } from '../errors/validationError.ts';

export interface GuardedEventInit extends EventInit {
  /** The amount to work on; the pre-check rejects anything above `limit` (default 150). */
  amount?: number;
  /** The largest amount allowed (default 100). */
  limit?: number;
}

/** A pre-check guards the work: an amount over the limit aborts the event before it runs. */
export class GuardedEvent extends Event<string> {
  readonly amount: number;
  readonly limit: number;

  constructor(init: GuardedEventInit = {}) {
    super(init);
    this.amount = init.amount ?? 150;
    this.limit = init.limit ?? 100;
  }

  protected override _precheck(): void {
    if (this.amount > this.limit) {
      throw new ValidationError(
        `amount ${String(this.amount)} is over the limit of ${String(this.limit)}`,
        {
          details: { amount: this.amount, limit: this.limit },
        },
      );
    }
  }

  protected _invoke(): Promise<string> {
    return Promise.resolve(`processed ${String(this.amount)}`);
  }
}
