import { describe, expect, test } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import { loadHistory } from '../persistence';
import { MemoryStorage } from '../testHelpers';
import { keepUnsaved, unsavedJournals, unsavedKey } from './unsavedJournal';

const at = (ms: number) => [{ status: 'pending' as const, at: ms }];

describe('the journal of a closing page', () => {
  test('keeps the records in the saved-history format, own before imported, newest first', () => {
    const storage = new MemoryStorage();
    const key = unsavedKey('history', 'page-1');
    const records = [
      makeRecord({ id: 'old', transitions: at(1_000) }),
      makeRecord({ id: 'imported', source: 'imported', transitions: at(9_000) }),
      makeRecord({ id: 'new', transitions: at(5_000) }),
    ];
    expect(keepUnsaved(storage, key, records, 10_000)).toBe(3);
    const loaded = loadHistory(storage, key);
    expect(loaded.kind).toBe('loaded');
    if (loaded.kind !== 'loaded') return;
    expect(loaded.records.map((record) => record.id)).toEqual(['new', 'old', 'imported']);
  });

  test('keeps as many as fit when storage is nearly full, and never throws', () => {
    const storage = new MemoryStorage();
    const key = unsavedKey('history', 'page-1');
    const records = Array.from({ length: 40 }, (_, index) =>
      makeRecord({ id: `record-${String(index)}`, transitions: at(index) }),
    );
    storage.capacity = (storage.items.get(key)?.length ?? 0) + 6_000;
    const kept = keepUnsaved(storage, key, records, 100);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(40);
    storage.disabled = true;
    expect(keepUnsaved(storage, key, records, 100)).toBe(0);
  });

  test('finds the journals pages left, and only those', () => {
    const storage = new MemoryStorage();
    storage.setItem('history', '{}');
    storage.setItem(unsavedKey('history', 'page-1'), '{}');
    storage.setItem(unsavedKey('history', 'page-2'), '{}');
    expect(unsavedJournals(storage, 'history')).toEqual([
      { key: 'history:unsaved:page-1', tab: 'page-1' },
      { key: 'history:unsaved:page-2', tab: 'page-2' },
    ]);
  });
});
