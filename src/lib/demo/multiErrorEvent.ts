import { Event } from '../event.ts';
import { KeyError, ValueError } from './pythonErrors.ts';

/**
 * Fails with three errors at once, as an `AggregateError` (JavaScript's `ExceptionGroup`):
 * the notebook's `MultiErrorEvent`.
 */
export class MultiErrorEvent extends Event<never> {
  protected _invoke(): Promise<never> {
    return Promise.reject(
      new AggregateError(
        [
          new ValueError('validation error'),
          new TypeError('type mismatch'),
          new KeyError('missing key'),
        ],
        'multiple errors (3 sub-exceptions)',
      ),
    );
  }
}
