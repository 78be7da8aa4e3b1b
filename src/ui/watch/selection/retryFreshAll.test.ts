import { describe, expect, it, vi } from 'vitest';
import type { EventRecord } from '../../../store';
import { makeRecord } from '../../../../tests/interop/makeRecord';
import { describeRetryOutcome, retryFreshAll } from './retryFreshAll';

function fromSource(id: string, sourceId: string): EventRecord {
  return makeRecord({
    id,
    status: 'failed',
    retryable: true,
    source: 'remote',
    remote: { sourceId, sourceName: sourceId, seq: 1, disconnected: false, canRetry: true },
  });
}

describe('retrying a selection fresh', () => {
  it('asks each source once, for all of its events, and retries the page’s own here', async () => {
    const askSource = vi.fn((_first: EventRecord, _others: readonly EventRecord[]) =>
      Promise.resolve(null),
    );
    const retryHere = vi.fn(() => true);
    const outcome = await retryFreshAll(
      [
        fromSource('a', 'queue:emails'),
        makeRecord({ id: 'local', status: 'failed' }),
        fromSource('b', 'queue:emails'),
        fromSource('c', 'worker'),
      ],
      { retryHere, askSource },
    );
    expect(
      askSource.mock.calls.map(([first, others]) => [first.id, others.map((o) => o.id)]),
    ).toEqual([
      ['a', ['b']],
      ['c', []],
    ]);
    expect(retryHere).toHaveBeenCalledWith('local');
    expect(outcome).toEqual({ started: 4, refused: 0, reasons: [] });
    expect(describeRetryOutcome(outcome)).toBe('Retried 4 events fresh.');
  });

  it('says how many a source refused, and why, as its answer says', async () => {
    const outcome = await retryFreshAll(
      [fromSource('a', 'queue:emails'), fromSource('b', 'queue:emails'), fromSource('c', 'w')],
      {
        retryHere: () => true,
        askSource: (first) =>
          Promise.resolve(
            first.id === 'a' ? 'Redis at redis://127.0.0.1:6379 cannot be reached' : null,
          ),
      },
    );
    expect(outcome).toEqual({
      started: 1,
      refused: 2,
      reasons: ['Redis at redis://127.0.0.1:6379 cannot be reached'],
    });
    expect(describeRetryOutcome(outcome)).toBe(
      'Retried 1 event fresh; 2 could not be retried: Redis at redis://127.0.0.1:6379 cannot be reached.',
    );
  });
});
