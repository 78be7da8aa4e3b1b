import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  liveDuration,
  makeFilteredIdsSelector,
  selectChain,
  selectSelected,
  statusCounts,
} from './selectors';
import { allRecords, createTestStore, type TestStore } from './testHelpers';

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
    expect(statusCounts(harness.store.records)).toEqual({
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
    const before = statusCounts(harness.store.records);
    const id = harness.store.records.order
      .toArray()
      .find((key) => harness.store.records.get(key)?.kind === 'simple');
    await harness.store.getState().invoke(id ?? '');
    harness.flush();
    expect(statusCounts(harness.store.records)).toBe(before);
  });
});

describe('filtered ids', () => {
  test('filters by status, kind and text, newest first', async () => {
    const harness = await mixedStore();
    const select = makeFilteredIdsSelector();
    const state = harness.store.records;
    const kindsOf = (ids: readonly string[]) => ids.map((id) => state.get(id)?.kind);
    expect(select(state, {})).toBe(state.order.toArray());
    expect(kindsOf(select(state, { status: 'failed' }))).toEqual(['failing', 'failing']);
    expect(kindsOf(select(state, { status: ['skipped', 'processing'] }))).toEqual([
      'conditional',
      'slow',
    ]);
    expect(kindsOf(select(state, { kind: 'slow', status: 'all' }))).toEqual(['slow']);
    expect(kindsOf(select(state, { search: 'DISK ON' }))).toEqual(['failing', 'failing']);
    expect(kindsOf(select(state, { search: 'needle' }))).toEqual(['simple']);
    expect(select(state, { search: 'nothing like this' })).toEqual([]);
  });

  test('the result keeps its identity while the matching ids stay the same', async () => {
    const harness = await mixedStore();
    const select = makeFilteredIdsSelector();
    const first = select(harness.store.records, { status: 'failed' });
    await harness.store.getState().launch('simple', {});
    harness.flush();
    expect(select(harness.store.records, { status: 'failed' })).toBe(first);
  });
});

describe('chains and durations', () => {
  test('the chain of any attempt lists every attempt, first to last', async () => {
    const harness = await mixedStore();
    const first = harness.store.records.order
      .toArray()
      .find((id) => harness.store.records.get(id)?.kind === 'failing');
    const second = harness.store.getState().retryFresh(first ?? '') ?? '';
    const third = harness.store.getState().retryFresh(second) ?? '';
    harness.flush();
    const state = harness.store.records;
    const ids = [first, second, third];
    expect(selectChain(state, first ?? '').map((record) => record.id)).toEqual(ids);
    expect(selectChain(state, third).map((record) => record.id)).toEqual(ids);
    expect(selectChain(state, third)).toBe(selectChain(state, second));
    expect(selectChain(state, 'unknown')).toEqual([]);
  });

  test('the selected record is found, or null', async () => {
    const harness = await mixedStore();
    const { records } = harness.store;
    expect(selectSelected(harness.store.getState(), records)).toBeNull();
    const id = records.order.toArray()[0] ?? '';
    harness.store.getState().select(id);
    expect(selectSelected(harness.store.getState(), records)?.id).toBe(id);
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
