import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../store';
import { makeRecord } from '../../../../tests/interop/makeRecord';
import { describeBulkRetry, planBulkRetry } from './planBulkRetry';

function failed(id: string, overrides: Partial<EventRecord> = {}): EventRecord {
  return makeRecord({
    id,
    chainId: id,
    kind: 'flaky',
    label: 'Flaky event',
    status: 'failed',
    retryable: true,
    ...overrides,
  });
}

const onlyAttempt = (): number => 1;

describe('planning "retry all retryable failed"', () => {
  it('retries the retryable failed events and counts them by kind', () => {
    const plan = planBulkRetry(
      [
        failed('a'),
        failed('b', { kind: 'http', label: 'HTTP event' }),
        failed('c'),
        makeRecord({ id: 'd' }),
      ],
      onlyAttempt,
    );
    expect(plan.retry.map((record) => record.id)).toEqual(['a', 'b', 'c']);
    expect(plan.byKind).toEqual([
      { label: 'Flaky event', count: 2 },
      { label: 'HTTP event', count: 1 },
    ]);
    expect(plan.leftOut).toEqual([]);
  });

  it('leaves out what the verdict says not to retry, imported records, and retried chains', () => {
    const plan = planBulkRetry(
      [
        failed('a', { retryable: false }),
        failed('b', { source: 'imported' }),
        failed('c1', { chainId: 'c', attempt: 1 }),
        failed('c2', { chainId: 'c', attempt: 2 }),
      ],
      (chainId) => (chainId === 'c' ? 2 : 1),
    );
    expect(plan.retry.map((record) => record.id)).toEqual(['c2']);
    expect(plan.leftOut).toEqual([
      { reason: 'not retryable', count: 1 },
      { reason: 'imported, read-only', count: 1 },
      { reason: 'already retried', count: 1 },
    ]);
  });

  it('gives a chain one fresh attempt even when two of its newest attempts are selected', () => {
    const plan = planBulkRetry(
      [failed('x', { chainId: 'c', attempt: 2 }), failed('y', { chainId: 'c', attempt: 2 })],
      () => 2,
    );
    expect(plan.retry.map((record) => record.id)).toEqual(['x']);
    expect(plan.leftOut).toEqual([{ reason: 'already retried', count: 1 }]);
  });

  it('leaves out remote events whose source does not take retries', () => {
    const plan = planBulkRetry([failed('a', { source: 'remote' })], onlyAttempt, () => 'no');
    expect(plan.retry).toEqual([]);
    expect(plan.leftOut).toEqual([{ reason: 'its source does not take retries', count: 1 }]);
  });

  it('says in one sentence how many, of which kinds, and what is left out', () => {
    const plan = planBulkRetry(
      [failed('a'), failed('b'), failed('c', { retryable: false })],
      onlyAttempt,
    );
    expect(describeBulkRetry(plan)).toBe(
      '2 failed events will be retried fresh: 2 × Flaky event. Left out: 1 not retryable.',
    );
    expect(describeBulkRetry(planBulkRetry([], onlyAttempt))).toBe(
      'No selected failed event can be retried.',
    );
  });
});
