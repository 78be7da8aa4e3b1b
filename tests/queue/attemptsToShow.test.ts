import { describe, expect, it } from 'vitest';
import { attemptsToShow, type EventJobData } from '../../src/lib/bullmq';

const enqueued = { id: 'e-1', created_at: '2026-12-01T10:00:00.000Z', metadata: { order: 7 } };
const pending = {
  status: 'pending',
  duration: null,
  response: null,
  error: null,
  retryable: null,
} as const;

describe('attemptsToShow', () => {
  it('shows a job that never ran as its enqueued event, pending, as attempt 1', () => {
    const data: EventJobData = { kind: 'Demo', init: {}, event: enqueued, attempts: [] };
    expect(attemptsToShow({ data }, 'waiting', 5)).toEqual([
      {
        attempt: 1,
        event: { ...enqueued, execution: pending },
        transitions: [{ status: 'pending', at: Date.parse(enqueued.created_at) }],
        verdict: null,
      },
    ]);
  });

  it('reads jobs enqueued with the whole toDict() the same way', () => {
    const data: EventJobData = {
      kind: 'Demo',
      init: {},
      event: { ...enqueued, execution: pending } as EventJobData['event'],
      attempts: [],
    };
    expect(attemptsToShow({ data }, 'waiting', 5)[0]?.event).toEqual({
      ...enqueued,
      execution: pending,
    });
  });
});
