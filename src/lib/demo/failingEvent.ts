import { Event, type EventInit } from '../event.ts';
import { ValueError } from './pythonErrors.ts';

export interface FailingEventInit extends EventInit {
  /** The message of the error it throws (default `"Something broke"`). */
  errorMsg?: string;
}

/** Always throws a `ValueError`: the notebook's `FailingEvent`. Retryable, as any foreign error. */
export class FailingEvent extends Event<never> {
  readonly errorMsg: string;

  constructor(init: FailingEventInit = {}) {
    super(init);
    this.errorMsg = init.errorMsg ?? 'Something broke';
  }

  protected _invoke(): Promise<never> {
    return Promise.reject(new ValueError(this.errorMsg));
  }
}
