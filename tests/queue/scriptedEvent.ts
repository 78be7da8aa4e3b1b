import {
  ConnectionError,
  Event,
  ValidationError,
  type EventInit,
  type InvokeContext,
} from '../../src/lib';

/** What one run of a {@link ScriptedEvent} does. */
export type ScriptedOutcome = 'ok' | 'retryable' | 'fatal' | 'aggregate' | 'slow';

export interface ScriptedEventInit extends EventInit {
  /** Run N does `plan[N - 1]` (the last entry once the plan runs out). */
  plan?: ScriptedOutcome[];
  /** Milliseconds each run works before its outcome (default 0). */
  workMs?: number;
}

/** A test event whose every run is decided in advance, so a whole job's story is known. */
export class ScriptedEvent extends Event<string> {
  readonly plan: ScriptedOutcome[];
  readonly workMs: number;

  constructor(init: ScriptedEventInit = {}) {
    super(init);
    this.plan = init.plan ?? ['ok'];
    this.workMs = init.workMs ?? 0;
  }

  protected async _invoke({ signal }: InvokeContext): Promise<string> {
    const attempt = typeof this.metadata.attempt === 'number' ? this.metadata.attempt : 1;
    const outcome = this.plan[Math.min(attempt, this.plan.length) - 1] ?? 'ok';
    await sleep(outcome === 'slow' ? 60_000 : this.workMs, signal);
    switch (outcome) {
      case 'ok':
      case 'slow':
        return `done on attempt ${String(attempt)}`;
      case 'retryable':
        throw new ConnectionError(`connection reset on attempt ${String(attempt)}`);
      case 'fatal':
        throw new ValidationError('bad input', { details: { field: 'to' } });
      case 'aggregate':
        throw new AggregateError(
          [new ConnectionError('shard 1 down'), new ValidationError('shard 2 rejected')],
          'two shards failed',
        );
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
