import { LionherdError } from './lionherdError.ts';

/** No room to accept more work right now. Retryable by default: true. */
export class QueueFullError extends LionherdError {
  static override readonly defaultRetryable: boolean = true;
  override readonly name: string = 'QueueFullError';
}
