import { Event, type EventInit, type InvokeContext } from '../event.ts';
import { sleep } from './sleep.ts';

export interface SlowEventInit extends EventInit {
  /** Seconds of work (default 1). */
  delay?: number;
  /** What it returns when it finishes (default `"completed"`). */
  returnValue?: unknown;
  /** Keep sleeping after a timeout or cancel, like work that never checks its signal. */
  ignoreSignal?: boolean;
}

/** Sleeps, then returns a value: the notebook's `SlowEvent`, for timeouts and cancelling. */
export class SlowEvent extends Event {
  readonly delay: number;
  readonly returnValue: unknown;
  readonly ignoreSignal: boolean;

  constructor(init: SlowEventInit = {}) {
    super(init);
    this.delay = init.delay ?? 1;
    this.returnValue = init.returnValue ?? 'completed';
    this.ignoreSignal = init.ignoreSignal ?? false;
  }

  protected async _invoke(ctx: InvokeContext): Promise<unknown> {
    await sleep(this.delay, this.ignoreSignal ? undefined : ctx.signal, ctx.scheduler);
    return this.returnValue;
  }
}
