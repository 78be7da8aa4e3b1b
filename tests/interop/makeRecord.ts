import type { EventRecord } from '../../src/store/eventRecord';

const CREATED = Date.parse('2026-11-20T09:30:00.000Z');

/**
 * A finished record for interop tests: a completed `simple` event that ran 1.5 ms from its
 * creation at 2026-11-20T09:30:00Z. Override what a test is about.
 */
export function makeRecord(overrides: Partial<EventRecord> = {}): EventRecord {
  const id = overrides.id ?? '11111111-1111-4111-8111-111111111111';
  const base: EventRecord = {
    id,
    kind: 'simple',
    label: 'Simple event',
    params: { returnValue: 42 },
    status: 'completed',
    createdAt: new Date(CREATED).toISOString(),
    transitions: [
      { status: 'pending', at: CREATED },
      { status: 'processing', at: CREATED + 0.25 },
      { status: 'completed', at: CREATED + 1.75 },
    ],
    duration: 0.0015,
    progress: null,
    progressMessage: null,
    execution: {
      status: 'completed',
      duration: 0.0015,
      response: 42,
      error: null,
      retryable: false,
    },
    retryable: false,
    verdict: null,
    metadata: {},
    attempt: 1,
    originalId: null,
    chainId: id,
    invokeCalls: 1,
    runs: 1,
    source: 'live',
  };
  return { ...base, ...overrides };
}

/** A failed record with `error`, retryable as given. */
export function makeFailedRecord(
  error: NonNullable<EventRecord['execution']['error']>,
  retryable: boolean,
  overrides: Partial<EventRecord> = {},
): EventRecord {
  const created = Date.parse(overrides.createdAt ?? new Date(CREATED).toISOString());
  return makeRecord({
    kind: 'failing',
    label: 'Failing event',
    params: {},
    status: 'failed',
    transitions: [
      { status: 'pending', at: created },
      { status: 'processing', at: created + 0.25 },
      { status: 'failed', at: created + 1.75 },
    ],
    execution: { status: 'failed', duration: 0.0015, response: null, error, retryable },
    retryable,
    verdict: retryable ? 'retryable' : 'not retryable',
    ...overrides,
  });
}
