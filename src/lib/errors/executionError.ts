import { LionherdError } from './lionherdError.ts';

/** The work itself failed while running. Retryable by default: true. */
export class ExecutionError extends LionherdError {
  static override readonly defaultRetryable: boolean = true;
  override readonly name: string = 'ExecutionError';
}
