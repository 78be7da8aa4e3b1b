/**
 * Reloading a long history: builds the app, serves it with `vite preview`, launches one event
 * in Chromium, copies its saved row 100,000 times into the history database (three in ten as
 * attempts of retry chains of three), reloads, and
 * reports how long until the first rows and counters show, how long until every record is
 * listed (the `total` counter), and the longest main-thread task during the reload.
 * A report, not a test: it always exits 0.
 *
 *   npm run bench:reload
 *   RELOAD_BENCH_PROFILE=1 npm run bench:reload   # unminified, with where the longest tasks went
 *   RELOAD_BENCH_TRACE=1 npm run bench:reload     # traces the page: its work by kind, long tasks
 *   RELOAD_BENCH_TRACE=samples npm run bench:reload  # … and the functions each long task ran
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { profileLongTasks } from './cpuProfile.ts';
import { startBenchApp } from './previewServer.ts';
import { formatTable, verdict } from './report.ts';
import { traceTasks } from './traceTasks.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4474);
const RECORDS = 100_000;
/** How long to wait for every record to be listed before reporting how many were. */
const WAIT_MS = Number(process.env.BENCH_WAIT_MS ?? 300_000);
const DATABASE = 'lifecycle-lab-history';
const PROFILING = process.env.RELOAD_BENCH_PROFILE === '1';
const TRACING = process.env.RELOAD_BENCH_TRACE;

const FIRST_ROWS_BUDGET_MS = 1000;
const LONGEST_TASK_BUDGET_MS = 50;

interface ReloadState {
  longestTaskMs: number;
  longTasks: number;
  /** The longest tasks: when they started (ms from navigation) and how long they took. */
  worstTasks: { at: number; ms: number }[];
  firstRowsAt: number;
  allListedAt: number;
  /** The `total` counter when last looked at. */
  listed: number;
}

declare global {
  interface Window {
    __reloadBench: ReloadState;
  }
}

/** Runs in the page before the app: a long-task observer from navigation on. */
function instrument(): void {
  const state: ReloadState = {
    longestTaskMs: 0,
    longTasks: 0,
    worstTasks: [],
    firstRowsAt: 0,
    allListedAt: 0,
    listed: 0,
  };
  window.__reloadBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.longTasks += 1;
      state.longestTaskMs = Math.max(state.longestTaskMs, entry.duration);
      state.worstTasks.push({ at: entry.startTime, ms: entry.duration });
      state.worstTasks.sort((a, b) => b.ms - a.ms).splice(8);
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Copies the one saved row `count` times with new ids and creation times, in the page. */
async function seed(page: Page, count: number): Promise<void> {
  await page.evaluate(
    async ({ name, count }) => {
      const request = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((done, fail) => {
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(new Error(request.error?.message));
      });
      const all = (store: IDBObjectStore): Promise<unknown[]> =>
        new Promise((done) => {
          const get = store.getAll();
          get.onsuccess = () => done(get.result as unknown[]);
        });
      const [template] = (await all(db.transaction('records').objectStore('records'))) as {
        id: string;
        at: number;
        record: { id: string };
      }[];
      if (template === undefined) throw new Error('no saved row to copy');
      const batch = 10_000;
      for (let start = 0; start < count; start += batch) {
        const tx = db.transaction('records', 'readwrite');
        const store = tx.objectStore('records');
        if (start === 0) store.delete(template.id);
        const idOf = (i: number): string => `seed-${String(i).padStart(6, '0')}`;
        for (let i = start; i < Math.min(count, start + batch); i += 1) {
          const id = idOf(i);
          // Three in ten are attempts of a retry chain of three, as after retries fresh.
          const place = i % 10;
          const chained = place < 3;
          store.put({
            ...template,
            id,
            at: template.at - count + i,
            record: {
              ...template.record,
              id,
              chainId: chained ? idOf(i - place) : id,
              attempt: chained ? place + 1 : 1,
              originalId: chained && place > 0 ? idOf(i - 1) : null,
            },
          });
        }
        await new Promise((done, fail) => {
          tx.oncomplete = done;
          tx.onerror = () => fail(new Error(tx.error?.message));
        });
      }
      db.close();
    },
    { name: DATABASE, count },
  );
}

/** Waits, checking every frame, for the first rows and then for the whole history. */
async function waitForHistory(page: Page, total: number): Promise<void> {
  await page.waitForFunction(
    (total) => {
      const state = window.__reloadBench;
      const item = document.querySelector(
        '[aria-label="Status counters"] li[aria-label^="total: "]',
      );
      const shown = Number(item?.getAttribute('aria-label')?.split(': ')[1] ?? Number.NaN);
      state.listed = shown;
      const rows = document.querySelectorAll('ul[aria-label="Events"] > li').length;
      if (state.firstRowsAt === 0 && rows > 0 && shown > 0) state.firstRowsAt = performance.now();
      if (shown === total) state.allListedAt = performance.now();
      return shown === total;
    },
    total,
    { polling: 'raf', timeout: WAIT_MS },
  );
}

async function main(): Promise<void> {
  const app = await startBenchApp(
    resolve('node_modules/.tmp/reload-bench/dist'),
    PORT,
    PROFILING ? { minify: false } : {},
  );
  try {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(instrument);
    await page.goto(app.url);
    const form = page.getByRole('form', { name: 'Launch an event' });
    await form.getByRole('radio', { name: 'Simple event', exact: true }).check();
    await form.getByRole('button', { name: 'Launch', exact: true }).click();
    await page
      .locator('[aria-label="Status counters"] li[aria-label="completed: 1"]')
      .waitFor({ timeout: 30_000 });
    // Let the history writer save the finished record.
    await page.waitForTimeout(2000);
    await seed(page, RECORDS);

    // The profiler goes on across the reload: the page stays in the same renderer.
    const stopProfile = PROFILING ? await profileLongTasks(page) : undefined;
    const stopTrace =
      TRACING === '1' || TRACING === 'samples'
        ? await traceTasks(app.browser, page, { samples: TRACING === 'samples' })
        : undefined;
    await page.reload();
    const complete = await waitForHistory(page, RECORDS).then(
      () => true,
      () => false,
    );
    // Tasks right after the last record is listed (rendering it) count too.
    await page.waitForTimeout(1000);
    const profile = await stopProfile?.(5, 24);
    const trace = await stopTrace?.(8);
    const state = await page.evaluate(() => window.__reloadBench);
    // What the reloaded history weighs once read: what every later garbage collection walks.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(`Reload with ${String(RECORDS)} saved records (times from navigation start)\n`);
    console.log(
      formatTable(
        ['goal', 'measured', 'target', 'verdict'],
        [
          [
            'first rows and counters visible',
            s(state.firstRowsAt),
            `≤ ${s(FIRST_ROWS_BUDGET_MS)}`,
            verdict(state.firstRowsAt <= FIRST_ROWS_BUDGET_MS),
          ],
          [
            'every record listed (total counter)',
            complete ? s(state.allListedAt) : `${String(state.listed)} listed after ${s(WAIT_MS)}`,
            `${String(RECORDS)} listed`,
            verdict(complete),
          ],
          [
            'longest main-thread task',
            `${state.longestTaskMs.toFixed(0)} ms (${String(state.longTasks)} over 50 ms)`,
            `≤ ${String(LONGEST_TASK_BUDGET_MS)} ms`,
            verdict(state.longestTaskMs <= LONGEST_TASK_BUDGET_MS),
          ],
        ],
      ),
    );
    console.log(
      `\nJS heap after GC, with every record read: ${(heap.usedSize / 2 ** 20).toFixed(1)} MB`,
    );
    console.log(
      `\nlongest tasks (start: duration): ${state.worstTasks
        .map((task) => `${s(task.at)}: ${task.ms.toFixed(0)} ms`)
        .join(', ')}`,
    );
    if (profile !== undefined)
      console.log(`\nwhere the longest tasks went:\n${profile.join('\n')}`);
    if (trace !== undefined) console.log(`\npage trace:\n${trace.join('\n')}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
});
