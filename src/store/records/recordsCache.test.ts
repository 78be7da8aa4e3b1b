import { describe, expect, test, vi } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import type { EventRecord } from '../eventRecord';
import type { RecordChanges } from '../history/recordsPort';
import { createRecordsCache } from './recordsCache';

const AT = Date.parse('2026-11-20T09:30:00.000Z');

/** A record of `id` in `status` (running ones have two transitions, ended ones three). */
function record(id: string, status: EventRecord['status'], extra: Partial<EventRecord> = {}) {
  const steps: EventRecord['transitions'] = [
    { status: 'pending', at: AT },
    { status: 'processing', at: AT + 1 },
  ];
  if (status !== 'pending' && status !== 'processing') steps.push({ status, at: AT + 2 });
  return makeRecord({
    id,
    chainId: id,
    status,
    transitions: status === 'pending' ? steps.slice(0, 1) : steps,
    ...extra,
  });
}

function listen(cache: ReturnType<typeof createRecordsCache>): RecordChanges[] {
  const heard: RecordChanges[] = [];
  cache.subscribeChanges((changes) => heard.push(changes));
  return heard;
}

describe('records cache', () => {
  test('each commit reports only the records it added or changed', () => {
    const cache = createRecordsCache();
    const heard = listen(cache);
    const a = record('a', 'processing');
    const b = record('b', 'processing');
    cache.upsert([a, b], 'newer');
    const doneA = record('a', 'completed');
    cache.upsert([doneA, b], 'newer');
    cache.remove(['b']);
    cache.clear();
    expect(heard).toEqual([
      { upserted: [a, b], removed: [], cleared: false },
      { upserted: [doneA], removed: [], cleared: false },
      { upserted: [], removed: ['b'], cleared: false },
      { upserted: [], removed: [], cleared: true },
    ]);
  });

  test('records applied from outside are not reported back', () => {
    const cache = createRecordsCache();
    const heard = listen(cache);
    cache.applyExternal([record('a', 'completed')], [], false);
    cache.applyExternal([], ['a'], false);
    cache.applyExternal([record('c', 'failed')], [], true);
    expect(heard).toEqual([]);
    expect(cache.size()).toBe(1);
    expect(cache.getRecord('c')?.status).toBe('failed');
  });

  test('a record from outside replaces the one in memory only when it is newer', () => {
    const cache = createRecordsCache();
    const running = record('a', 'processing');
    cache.upsert([running], 'newer');
    const pending = record('a', 'pending');
    cache.applyExternal([pending], [], false);
    expect(cache.get('a')).toBe(running);
    const sameLength = record('a', 'processing', { label: 'from another tab' });
    cache.applyExternal([sameLength], [], false);
    expect(cache.get('a')).toBe(running);
    const done = record('a', 'cancelled');
    cache.applyExternal([done], [], false);
    expect(cache.get('a')).toBe(done);
    cache.applyExternal([record('a', 'processing')], [], false);
    expect(cache.get('a')).toBe(done);
  });

  test('counts, kinds and chains follow every change without a recount', () => {
    const cache = createRecordsCache();
    cache.upsert(
      [
        record('a', 'processing'),
        record('b', 'failed', { kind: 'failing' }),
        record('c', 'completed', { chainId: 'b', attempt: 2 }),
      ],
      'newer',
    );
    expect(cache.counts()).toMatchObject({ processing: 1, failed: 1, completed: 1, total: 3 });
    expect(cache.indexes().kinds()).toEqual(['failing', 'simple']);
    expect(cache.chain('b').map((entry) => entry.id)).toEqual(['b', 'c']);
    const before = cache.counts();
    cache.upsert([record('a', 'completed')], 'newer');
    expect(cache.counts()).not.toBe(before);
    expect(cache.counts()).toMatchObject({ processing: 0, completed: 2, total: 3 });
    cache.remove(['b']);
    expect(cache.indexes().kinds()).toEqual(['simple']);
    expect(cache.chain('b').map((entry) => entry.id)).toEqual(['c']);
    const unchanged = cache.counts();
    cache.upsert([record('a', 'completed', { label: 'renamed' })], 'newer');
    expect(cache.counts()).toBe(unchanged);
  });

  test('a record listener hears its own record and no other', () => {
    const cache = createRecordsCache();
    cache.upsert([record('a', 'processing'), record('b', 'processing')], 'newer');
    const onA = vi.fn();
    const stop = cache.subscribeRecord('a', onA);
    cache.upsert([record('b', 'completed')], 'newer');
    expect(onA).not.toHaveBeenCalled();
    cache.upsert([record('a', 'completed')], 'newer');
    expect(onA).toHaveBeenCalledTimes(1);
    stop();
    cache.upsert([record('a', 'failed')], 'newer');
    expect(onA).toHaveBeenCalledTimes(1);
  });

  test('new ids are listed newest first, and ids read in later go below them', () => {
    const cache = createRecordsCache();
    cache.upsert([record('first', 'completed'), record('second', 'completed')], 'newer');
    cache.adopt([record('saved-1', 'completed'), record('saved-2', 'completed')], 'older');
    cache.upsert([record('third', 'completed')], 'newer');
    expect(cache.order.toArray()).toEqual(['third', 'second', 'first', 'saved-1', 'saved-2']);
    expect(cache.order.at(0)).toBe('third');
    expect(cache.order.at(4)).toBe('saved-2');
    expect(cache.order.at(5)).toBeUndefined();
    const version = cache.order.version;
    cache.upsert([record('first', 'failed')], 'newer');
    expect(cache.order.version).toBe(version);
  });

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'the id %s is data like any other',
    (id) => {
      const cache = createRecordsCache();
      expect(cache.get(id)).toBeUndefined();
      expect(cache.has(id)).toBe(false);
      expect(cache.chain(id)).toEqual([]);
      const entry = record(id, 'completed');
      cache.upsert([entry], 'newer');
      expect(cache.get(id)).toBe(entry);
      expect(cache.chain(id)).toEqual([entry]);
      expect(cache.order.toArray()).toEqual([id]);
      expect(cache.size()).toBe(1);
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    },
  );

  test('counts the chains with more than one attempt as records come and go', () => {
    const cache = createRecordsCache();
    expect(cache.indexes().multiAttemptChains()).toBe(0);
    cache.upsert([record('a', 'completed'), record('b', 'failed')], 'newer');
    expect(cache.indexes().multiAttemptChains()).toBe(0);
    cache.upsert([record('b2', 'pending', { chainId: 'b', attempt: 2 })], 'newer');
    expect(cache.indexes().multiAttemptChains()).toBe(1);
    cache.upsert([record('b2', 'completed', { chainId: 'b', attempt: 2 })], 'newer');
    cache.upsert([record('b3', 'pending', { chainId: 'b', attempt: 3 })], 'newer');
    expect(cache.indexes().multiAttemptChains()).toBe(1);
    cache.remove(['b3', 'b2']);
    expect(cache.indexes().multiAttemptChains()).toBe(0);
    cache.upsert([record('a2', 'pending', { chainId: 'a', attempt: 2 })], 'newer');
    cache.clear();
    expect(cache.indexes().multiAttemptChains()).toBe(0);
  });
});

describe('records cache: reading what changed', () => {
  test('says which ids changed since a version, and lists views that do not change after', () => {
    const cache = createRecordsCache();
    cache.upsert([record('a', 'processing'), record('b', 'processing')], 'newer');
    const version = cache.version();
    const view = cache.order.view();
    cache.upsert([record('a', 'completed')], 'newer');
    cache.upsert([record('c', 'pending')], 'older');
    expect([...(cache.changedSince(version) ?? [])].sort()).toEqual(['a', 'c']);
    expect(view.toArray()).toEqual(['b', 'a']);
    expect(cache.order.view().toArray()).toEqual(['b', 'a', 'c']);
    expect(cache.order.view()).toBe(cache.order.view());
    cache.remove(['b']);
    expect([...(cache.changedSince(version) ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect(view.toArray()).toEqual(['b', 'a']);
    expect(cache.order.view().indexOf('c')).toBe(1);
    expect(cache.order.view().indexOf('b')).toBe(-1);
    cache.clear();
    expect(cache.changedSince(version)).toBeUndefined();
  });

  test('ranks keep the list’s order and stay put when others are removed', () => {
    const cache = createRecordsCache();
    cache.upsert([record('a', 'pending'), record('b', 'pending')], 'newer');
    cache.upsert([record('z', 'pending')], 'older');
    const rankOf = (id: string) => cache.order.rankOf(id) ?? Number.NaN;
    expect(rankOf('b')).toBeGreaterThan(rankOf('a'));
    expect(rankOf('a')).toBeGreaterThan(rankOf('z'));
    const before = rankOf('a');
    cache.remove(['b']);
    expect(rankOf('a')).toBe(before);
    expect(cache.order.rankOf('b')).toBeUndefined();
    const view = cache.order.view();
    for (const [index, id] of view.toArray().entries()) expect(view.indexOf(id)).toBe(index);
  });
});
