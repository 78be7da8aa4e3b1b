import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetLoadedTourProgress,
  readTourProgress,
  recordAnswer,
  resetTourProgress,
  summarize,
  TOUR_PROGRESS_KEY,
} from './tourProgress';

/** A `localStorage` stand-in; `failing` makes every call throw, like a blocked store. */
function memoryStorage(failing = false): Storage {
  const items = new Map<string, string>();
  const guard = () => {
    if (failing) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => {
      guard();
      items.clear();
    },
    getItem: (key) => {
      guard();
      return items.get(key) ?? null;
    },
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      guard();
      items.delete(key);
    },
    setItem: (key, value) => {
      guard();
      items.set(key, value);
    },
  };
}

beforeEach(() => {
  forgetLoadedTourProgress();
});

afterEach(() => {
  vi.unstubAllGlobals();
  forgetLoadedTourProgress();
});

describe('tour progress', () => {
  it('remembers answers across a reload, under a versioned key', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    recordAnswer('timeout', { choice: '"failed"', correct: false });
    recordAnswer('idempotency', { choice: '1', correct: true });
    expect(JSON.parse(storage.getItem(TOUR_PROGRESS_KEY) ?? '')).toMatchObject({ version: 1 });

    forgetLoadedTourProgress();
    expect(readTourProgress()).toEqual({
      timeout: { choice: '"failed"', correct: false },
      idempotency: { choice: '1', correct: true },
    });
    expect(summarize(readTourProgress())).toEqual({ answered: 2, right: 1 });
  });

  it('does not count an answer shown without a guess as answered', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    recordAnswer('timeout', { revealed: true });
    expect(summarize(readTourProgress())).toEqual({ answered: 0, right: 0 });
  });

  it('starts over after a reset, in storage too', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    recordAnswer('timeout', { choice: '"cancelled"', correct: true });
    resetTourProgress();
    expect(readTourProgress()).toEqual({});
    expect(storage.getItem(TOUR_PROGRESS_KEY)).toBeNull();
  });

  it('ignores stored data of another shape or version', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    storage.setItem(TOUR_PROGRESS_KEY, JSON.stringify({ version: 2, answers: {} }));
    expect(readTourProgress()).toEqual({});
    forgetLoadedTourProgress();
    storage.setItem(TOUR_PROGRESS_KEY, '{not json');
    expect(readTourProgress()).toEqual({});
  });

  it('keeps working in memory when storage throws', () => {
    vi.stubGlobal('localStorage', memoryStorage(true));
    expect(readTourProgress()).toEqual({});
    recordAnswer('timeout', { choice: '"cancelled"', correct: true });
    expect(readTourProgress()).toEqual({ timeout: { choice: '"cancelled"', correct: true } });
  });
});
