import { Event, type EventInit } from '../event.ts';

export interface SimpleEventInit extends EventInit {
  /** What the event returns (default `null`). */
  returnValue?: unknown;
}

/** Returns a value straight away: the notebook's `SimpleEvent`. */
export class SimpleEvent extends Event {
  readonly returnValue: unknown;

  constructor(init: SimpleEventInit = {}) {
    super(init);
    this.returnValue = init.returnValue ?? null;
  }

  protected _invoke(): Promise<unknown> {
    return Promise.resolve(this.returnValue);
  }
}
