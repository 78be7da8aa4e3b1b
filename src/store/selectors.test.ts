import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { makeRecord } from '../../tests/interop/makeRecord';
import { createRecordsCache } from './records/recordsCache';
import { liveDuration, selectChain, selectNoRecords } from './selectors';
import { allRecords, createTestStore, freshIdOf, type TestStore } from './testHelpers';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

async function mixedStore(): Promise<TestStore> {
  const harness = createTestStore();
  const { launch } = harness.store.getState();
  await launch('simple', { returnValue: 'needle in the response' });
  await launch('failing', { errorMsg: 'Disk on fire' }, 2);
  await launch('slow', { delay: 60 });
  await launch('conditional', {});
  await vi.advanceTimersByTimeAsync(0);
  harness.flush();
  return harness;
}

describe('status counts', () => {
  test('counts records per status, with a total', async () => {
    const harness = await mixedStore();
    expect(harness.store.records.counts()).toEqual({
      pending: 0,
      processing: 1,
      completed: 1,
      failed: 2,
      cancelled: 0,
      skipped: 1,
      aborted: 0,
      total: 5,
    });
  });

  test('the counts keep their identity while they stay the same', async () => {
    const harness = await mixedStore();
    const before = harness.store.records.counts();
    const id = harness.store.records.order
      .toArray()
      .find((key) => harness.store.records.get(key)?.kind === 'simple');
    await harness.store.getState().invoke(id ?? '');
    harness.flush();
    expect(harness.store.records.counts()).toBe(before);
  });
});

describe('chains and durations', () => {
  test('the chain of any attempt lists every attempt, first to last', async () => {
    const harness = await mixedStore();
    const first = harness.store.records.order
      .toArray()
      .find((id) => harness.store.records.get(id)?.kind === 'failing');
    const second = freshIdOf(harness.store.getState().retryFresh(first ?? ''));
    const third = freshIdOf(harness.store.getState().retryFresh(second));
    harness.flush();
    const state = harness.store.records;
    const ids = [first, second, third];
    expect(selectChain(state, first ?? '').map((record) => record.id)).toEqual(ids);
    expect(selectChain(state, third).map((record) => record.id)).toEqual(ids);
    expect(selectChain(state, third)).toBe(selectChain(state, second));
    expect(selectChain(state, 'unknown')).toEqual([]);
  });

  test('a live duration ticks while processing and is the final duration once ended', async () => {
    const harness = await mixedStore();
    const slow = allRecords(harness.store).find((r) => r.kind === 'slow');
    const done = allRecords(harness.store).find((r) => r.kind === 'simple');
    if (slow === undefined || done === undefined) throw new Error('missing records');
    const started = slow.transitions[1]?.at ?? 0;
    expect(liveDuration(slow, started + 1_500)).toBe(1.5);
    expect(liveDuration(done, started + 99_000)).toBe(done.duration);
  });
});

test('selectNoRecords is true only while the history is empty, and a primitive either way', () => {
  const records = createRecordsCache();
  expect(selectNoRecords(records)).toBe(true);
  records.upsert([makeRecord({ id: 'a' }), makeRecord({ id: 'b' })], 'newer');
  expect(selectNoRecords(records)).toBe(false);
  records.upsert([makeRecord({ id: 'c' })], 'newer');
  expect(selectNoRecords(records)).toBe(false);
});
