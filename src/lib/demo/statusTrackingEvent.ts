import { Event, type EventInit, type InvokeContext } from '../event.ts';
import { sleep } from './sleep.ts';

export interface StatusTrackingEventInit extends EventInit {
  /** Seconds of work (default 0.01, as in the notebook). */
  delay?: number;
}

/** Works briefly and returns `"done"`, to watch `pending → processing → completed`. */
export class StatusTrackingEvent extends Event<string> {
  readonly delay: number;

  constructor(init: StatusTrackingEventInit = {}) {
    super(init);
    this.delay = init.delay ?? 0.01;
  }

  protected async _invoke(ctx: InvokeContext): Promise<string> {
    await sleep(this.delay, undefined, ctx.scheduler);
    return 'done';
  }
}
