import { LionherdError } from './lionherdError.ts';

/** A network peer could not be reached or dropped the connection. Retryable by default: true. */
export class ConnectionError extends LionherdError {
  static override readonly defaultRetryable: boolean = true;
  override readonly name: string = 'ConnectionError';
}
