import { LionherdError } from './lionherdError.ts';

/** The work did not finish within its time limit. Retryable by default: true. */
export class TimeoutError extends LionherdError {
  static override readonly defaultRetryable: boolean = true;
  override readonly name: string = 'TimeoutError';
}
