/** Long main-thread tasks in a benchmarked page, shared by the browser benchmarks. */

/** What a page's benchmark state keeps of its long tasks. */
export interface LongTaskRecord {
  /** Tasks are counted only while this is `true`. */
  measuring: boolean;
  /** `performance.now()` when measuring started. */
  startedAt: number;
  longestTaskMs: number;
  longTasks: number;
  /** The five longest: when they started (ms after `startedAt`) and how long they took. */
  worstTasks: { at: number; ms: number }[];
}

declare global {
  interface Window {
    __recordLongTasks: () => LongTaskRecord;
  }
}

/**
 * An init script (so self-contained): defines `window.__recordLongTasks()`, which returns a
 * record the page's long tasks are counted into from then on (extend it with
 * `Object.assign`, keeping the object). Add it before the benchmark's own init script.
 */
export function defineLongTaskRecorder(): void {
  window.__recordLongTasks = () => {
    const record: LongTaskRecord = {
      measuring: false,
      startedAt: 0,
      longestTaskMs: 0,
      longTasks: 0,
      worstTasks: [],
    };
    new PerformanceObserver((list) => {
      if (!record.measuring) return;
      for (const entry of list.getEntries()) {
        record.longTasks += 1;
        record.longestTaskMs = Math.max(record.longestTaskMs, entry.duration);
        record.worstTasks.push({ at: entry.startTime - record.startedAt, ms: entry.duration });
        record.worstTasks.sort((a, b) => b.ms - a.ms).splice(5);
      }
    }).observe({ type: 'longtask', buffered: false });
    return record;
  };
}
