import type { StorageLike } from './types';

/** Copies of unreadable history kept; older ones are removed when a new one is set aside. */
export const SET_ASIDE_KEPT = 3;

/**
 * Stores `raw` under `<storageKey>:corrupted:<now>` and keeps only the newest
 * {@link SET_ASIDE_KEPT} such copies, listed under `<storageKey>:corrupted-keys` (storage
 * cannot be enumerated through `StorageLike`). Returns the new copy's key; throws when
 * storage refuses the copy itself, so nothing is removed then.
 */
export function setAsideCopy(storage: StorageLike, storageKey: string, raw: string, now: number) {
  const aside = `${storageKey}:corrupted:${String(now)}`;
  storage.setItem(aside, raw);
  const indexKey = `${storageKey}:corrupted-keys`;
  const kept = [...readIndex(storage.getItem(indexKey)).filter((key) => key !== aside), aside];
  const removed = kept.splice(0, Math.max(0, kept.length - SET_ASIDE_KEPT));
  try {
    for (const key of removed) storage.removeItem(key);
    storage.setItem(indexKey, JSON.stringify(kept));
  } catch {
    // The copy is stored; failing to tidy older ones loses nothing.
  }
  return aside;
}

function readIndex(raw: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((key) => typeof key === 'string') : [];
  } catch {
    return [];
  }
}
