import { Event, type EventInit } from '../event.ts';

export interface ConditionalEventInit extends EventInit {
  /** Run only when this holds (default `false`, so the demo ends `skipped`). */
  condition?: boolean;
  /** What it returns when it runs (default `"ran"`). */
  returnValue?: unknown;
}

/** Skips itself when its condition does not hold: reaches `skipped` without running. */
export class ConditionalEvent extends Event {
  readonly condition: boolean;
  readonly returnValue: unknown;

  constructor(init: ConditionalEventInit = {}) {
    super(init);
    this.condition = init.condition ?? false;
    this.returnValue = init.returnValue ?? 'ran';
  }

  protected override _precheck(): void {
    if (!this.condition) this.skip('condition is false');
  }

  protected _invoke(): Promise<unknown> {
    return Promise.resolve(this.returnValue);
  }
}
