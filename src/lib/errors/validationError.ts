import { LionherdError } from './lionherdError.ts';

/** Input that breaks a rule; trying again with the same input cannot help. Retryable by default: false. */
export class ValidationError extends LionherdError {
  static override readonly defaultRetryable: boolean = false;
  override readonly name: string = 'ValidationError';
}
