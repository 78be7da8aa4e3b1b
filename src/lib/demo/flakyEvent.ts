import { Event, type EventInit } from '../event.ts';
import { ConnectionError } from '../errors/connectionError.ts';
import { ValidationError } from '../errors/validationError.ts';

/** The kinds of error a {@link FlakyEvent} fails with. */
export type FlakyErrorKind = 'connection' | 'validation' | 'plain';

export interface FlakyEventInit extends EventInit {
  /** Chance of failing, from 0 to 1 (default 0.5). */
  failureRate?: number;
  /** What it fails with (default `connection`, which is retryable). */
  errorKind?: FlakyErrorKind;
  /** Source of randomness, `[0, 1)`; replace it for repeatable runs. */
  random?: () => number;
}

/** Fails at random with a chosen kind of error: the demo that makes retry policies worth watching. */
export class FlakyEvent extends Event<string> {
  readonly failureRate: number;
  readonly errorKind: FlakyErrorKind;
  readonly #random: () => number;

  constructor(init: FlakyEventInit = {}) {
    super(init);
    this.failureRate = init.failureRate ?? 0.5;
    this.errorKind = init.errorKind ?? 'connection';
    this.#random = init.random ?? Math.random;
  }

  protected _invoke(): Promise<string> {
    if (this.#random() >= this.failureRate) return Promise.resolve('ok');
    return Promise.reject(flakyError(this.errorKind));
  }
}

function flakyError(kind: FlakyErrorKind): Error {
  switch (kind) {
    case 'connection':
      return new ConnectionError('connection reset by peer');
    case 'validation':
      return new ValidationError('bad input');
    case 'plain':
      return new Error('something flaky happened');
  }
}
