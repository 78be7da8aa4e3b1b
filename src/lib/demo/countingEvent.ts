import { Event } from '../event.ts';

/**
 * Counts how often its work really runs and returns `result_<count>`: however often it is
 * invoked, it answers `result_1` and `callCount` stays 1.
 */
export class CountingEvent extends Event<string> {
  callCount = 0;

  protected _invoke(): Promise<string> {
    this.callCount += 1;
    return Promise.resolve(`result_${String(this.callCount)}`);
  }
}
