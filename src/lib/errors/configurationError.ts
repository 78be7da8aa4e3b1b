import { LionherdError } from './lionherdError.ts';

/** A setting that is missing or wrong. Retryable by default: false. */
export class ConfigurationError extends LionherdError {
  static override readonly defaultRetryable: boolean = false;
  override readonly name: string = 'ConfigurationError';
}
