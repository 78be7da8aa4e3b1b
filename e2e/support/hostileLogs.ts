/**
 * lionherd-core logs of one event each that carry what used to freeze the inspector: an error
 * group 150,000 wide, a group 100 levels deep, a 10 MB unbroken message and a 10 MB response.
 * Shared by `e2e/inspectorBounds.spec.ts` and `bench/inspector.bench.ts`.
 */

/** The id of the one event in each log. */
export const HOSTILE_EVENT_ID = '4a1e0000-0000-4000-8000-00000000beef';

function oneEventLog(execution: Record<string, unknown>): string {
  return JSON.stringify([
    {
      id: HOSTILE_EVENT_ID,
      created_at: '2026-11-20T09:30:00.157000+00:00',
      metadata: { lion_class: '__main__.HostileEvent' },
      execution: { duration: 0.5, retryable: false, ...execution },
    },
  ]);
}

/** A log of one failed event with `error`. */
export function failedEventLog(error: Record<string, unknown>): string {
  return oneEventLog({ status: 'failed', response: null, error });
}

/** Short names and mostly empty messages, every 1,000th (from the 7th) saying "needle". */
export const WIDE_TYPES = ['OSError', 'KeyError', 'EOFError'] as const;
export const WIDE = 150_000;

export function wideGroupLog(): string {
  const exceptions = Array.from({ length: WIDE }, (_, index) => ({
    error: WIDE_TYPES[index % WIDE_TYPES.length] ?? 'OSError',
    message: index % 1000 === 7 ? `needle ${String(index)}` : '',
  }));
  return failedEventLog({
    error: 'ExceptionGroup',
    message: `wide (${String(WIDE)} sub-exceptions)`,
    exceptions,
  });
}

/** Levels of the deep group: lionherd-core cuts serialization at 100. */
export const DEEP = 100;

export function deepGroupLog(): string {
  let error: Record<string, unknown> = { error: 'ValueError', message: 'deepest' };
  for (let level = DEEP - 1; level >= 1; level--) {
    error = {
      error: 'ExceptionGroup',
      message: `level ${String(level)}`,
      exceptions: [error, { error: 'KeyError', message: `beside level ${String(level)}` }],
    };
  }
  return failedEventLog(error);
}

/** Characters of the long message and of the long response's text. */
export const HUGE = 10 * 1024 * 1024;

/** One unbroken word of `HUGE` characters ending in `Z`. */
export function longMessageLog(): string {
  return failedEventLog({ error: 'ValueError', message: 'x'.repeat(HUGE - 1) + 'Z' });
}

/** Rows of the long response: about `HUGE` characters of JSON. */
export const RESPONSE_ROWS = 100_000;

/** A completed event whose response is 100,000 records, about 10 MB as JSON. */
export function longResponseLog(): string {
  const response = Array.from({ length: RESPONSE_ROWS }, (_, index) => ({
    index,
    name: `row ${String(index)}`,
    payload: 'p'.repeat(60),
  }));
  return oneEventLog({ status: 'completed', response, error: null, retryable: false });
}
