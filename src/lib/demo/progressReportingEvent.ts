import { Event, type EventInit, type InvokeContext } from '../event.ts';
import { sleep } from './sleep.ts';

export interface ProgressReportingEventInit extends EventInit {
  /** How many steps the work takes (default 5). */
  steps?: number;
  /** Seconds per step (default 0.2). */
  stepDelay?: number;
}

/** Works in steps and reports its progress after each; returns the number of steps done. */
export class ProgressReportingEvent extends Event<number> {
  readonly steps: number;
  readonly stepDelay: number;

  constructor(init: ProgressReportingEventInit = {}) {
    super(init);
    this.steps = init.steps ?? 5;
    this.stepDelay = init.stepDelay ?? 0.2;
  }

  protected async _invoke(ctx: InvokeContext): Promise<number> {
    for (let step = 1; step <= this.steps; step++) {
      await sleep(this.stepDelay, ctx.signal, ctx.scheduler);
      ctx.reportProgress(step / this.steps, `step ${String(step)} of ${String(this.steps)}`);
    }
    return this.steps;
  }
}
