import { Event } from '../event.ts';

/** Completes with a real `null` result, to tell `null` from `Unset`. */
export class NullEvent extends Event<null> {
  protected _invoke(): Promise<null> {
    return Promise.resolve(null);
  }
}
