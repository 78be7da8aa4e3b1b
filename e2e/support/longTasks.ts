import type { Page } from '@playwright/test';

/**
 * Main-thread long tasks measured in the page itself, with a `longtask` PerformanceObserver,
 * so that what is measured is the page and not the test driving it.
 */

/** No task of the inspector may take longer: the threshold of a long task. */
export const LONG_TASK_BUDGET_MS = 50;

/** How long the page must have been free of long tasks before an interaction is measured. */
const QUIET_MS = 1_500;

interface LongTaskState {
  measuring: boolean;
  durations: number[];
  lastEnd: number;
}

declare global {
  interface Window {
    __longTasks: LongTaskState;
  }
}

/** Installs the observer before the app starts; call before `page.goto`. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { measuring: false, durations: [] as number[], lastEnd: 0 };
    window.__longTasks = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.lastEnd = Math.max(state.lastEnd, entry.startTime + entry.duration);
        if (state.measuring) state.durations.push(entry.duration);
      }
    }).observe({ type: 'longtask', buffered: false });
  });
}

/**
 * Runs `interaction` with long tasks recorded and returns the duration (ms, rounded) of each
 * task over 50 ms that happened meanwhile. It first waits for a second and a half without long
 * tasks: work still going on from before (an import and the history save a second after it) is
 * not the interaction's.
 */
export async function longTasksDuring(
  page: Page,
  interaction: () => Promise<void>,
): Promise<number[]> {
  // Quiet since the call too: a save the import scheduled (a second later) may still be due.
  const calledAt = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    ({ quietMs, since }) =>
      performance.now() - Math.max(window.__longTasks.lastEnd, since) > quietMs,
    { quietMs: QUIET_MS, since: calledAt },
    { timeout: 120_000 },
  );
  // Two frames first, so a task that began before the interaction is not counted in it.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            window.__longTasks.durations = [];
            window.__longTasks.measuring = true;
            done();
          });
        });
      }),
  );
  await interaction();
  // Long-task entries arrive after their task ended: give the observer a frame to report.
  return page.evaluate(
    () =>
      new Promise<number[]>((done) => {
        requestAnimationFrame(() => {
          setTimeout(() => {
            window.__longTasks.measuring = false;
            done(window.__longTasks.durations.map(Math.round));
          }, 100);
        });
      }),
  );
}

/** The longest of `durations`, 0 when there are none. */
export function longest(durations: readonly number[]): number {
  return durations.reduce((max, duration) => Math.max(max, duration), 0);
}
