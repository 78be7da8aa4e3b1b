import { LionherdError } from './lionherdError.ts';

/** The thing asked for does not exist. Retryable by default: false. */
export class NotFoundError extends LionherdError {
  static override readonly defaultRetryable: boolean = false;
  override readonly name: string = 'NotFoundError';
}
