import { LionherdError } from './lionherdError.ts';

/** The thing to create exists already. Retryable by default: false. */
export class ExistsError extends LionherdError {
  static override readonly defaultRetryable: boolean = false;
  override readonly name: string = 'ExistsError';
}
