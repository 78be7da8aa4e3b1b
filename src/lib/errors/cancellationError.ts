import { LionherdError } from './lionherdError.ts';

/** The work was cancelled by its caller before it finished. Retryable by default: true. */
export class CancellationError extends LionherdError {
  static override readonly defaultRetryable: boolean = true;
  override readonly name: string = 'CancellationError';
}
