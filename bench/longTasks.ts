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
    __recordLongTasks: (record: LongTaskRecord) => void;
  }
}

/**
 * An init script (so self-contained): defines `window.__recordLongTasks(record)`, which
 * counts the page's long tasks into `record`. Add it before the benchmark's own init script.
 */
export function defineLongTaskRecorder(): void {
  window.__recordLongTasks = (record) => {
    new PerformanceObserver((list) => {
      if (!record.measuring) return;
      for (const entry of list.getEntries()) {
        record.longTasks += 1;
        record.longestTaskMs = Math.max(record.longestTaskMs, entry.duration);
        record.worstTasks.push({ at: entry.startTime - record.startedAt, ms: entry.duration });
        record.worstTasks.sort((a, b) => b.ms - a.ms).splice(5);
      }
    }).observe({ type: 'longtask', buffered: false });
  };
}
