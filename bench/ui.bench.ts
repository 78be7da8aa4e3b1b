/**
 * The dashboard under a burst: builds the app, serves it with `vite preview`, launches 10,000
 * mixed demo events from the launch form in Chromium (then, in a fresh page, 100,000: ten
 * bursts of 10,000), and reports how long until the status
 * counters show every one of them terminal, the longest main-thread task, React commits
 * against animation frames, list rows in the DOM, and the JS heap afterwards.
 * A report, not a test: it always exits 0.
 *
 *   npm run bench:ui                       # both cases
 *   UI_BENCH_CASES=10000 npm run bench:ui  # one case
 *   UI_BENCH_PORT=4480 npm run bench:ui    # another port for the preview server
 *   UI_BENCH_PROFILE=1 npm run bench:ui    # unminified, with where the longest tasks went
 *   UI_BENCH_TRACE=1 npm run bench:ui      # also traces the page: its work by kind, long tasks
 *   UI_BENCH_TRACE=samples npm run bench:ui  # … and the functions each long task ran
 *   UI_BENCH_HEAP=1 npm run bench:ui       # unminified, with the functions that allocated most
 *
 * Commits are counted through the hook React offers developer tools (it is called in
 * production builds too), so the app needs no instrumentation of its own.
 */
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { profileLongTasks } from './cpuProfile.ts';
import { profileAllocations } from './heapProfile.ts';
import { defineLongTaskRecorder, type LongTaskRecord } from './longTasks.ts';
import { startBenchApp } from './previewServer.ts';
import { formatTable, verdict } from './report.ts';
import { traceTasks } from './traceTasks.ts';

const PORT = Number(process.env.UI_BENCH_PORT ?? 4473);
const OUT_DIR = resolve('node_modules/.tmp/ui-bench/dist');
const PROFILING = process.env.UI_BENCH_PROFILE === '1';
const TRACING = process.env.UI_BENCH_TRACE;
const SAMPLING_HEAP = process.env.UI_BENCH_HEAP === '1';

interface Burst {
  kind: string;
  count: number;
  params?: Record<string, string>;
}

/** Five kinds that end completed, failed, cancelled (timed out) and with null. */
const KINDS: readonly Omit<Burst, 'count'>[] = [
  { kind: 'Simple event' },
  { kind: 'Failing event' },
  { kind: 'Slow event', params: { 'Delay (s)': '0.3', 'Timeout (s)': '0.1' } },
  { kind: 'Status-tracking event' },
  { kind: 'Null-returning event' },
];

interface BenchCase {
  bursts: readonly Burst[];
  heapBudgetBytes: number;
}

const MB = 1024 * 1024;

const CASES: Readonly<Record<string, BenchCase>> = {
  // 10,000 events: 2,000 of each kind.
  '10000': { bursts: KINDS.map((kind) => ({ ...kind, count: 2000 })), heapBudgetBytes: 100 * MB },
  // 100,000 events: ten bursts of 10,000, each kind twice.
  '100000': {
    bursts: [...KINDS, ...KINDS].map((kind) => ({ ...kind, count: 10_000 })),
    heapBudgetBytes: 150 * MB,
  },
};

const LONGEST_TASK_BUDGET_MS = 50;
/** Rows a virtualized list may render: a screenful plus overscan, far below the count. */
const ROW_BUDGET = 100;
/** "Near the number of frames": at most this many commits per animation frame. */
const COMMITS_PER_FRAME_BUDGET = 2;

interface BenchState extends LongTaskRecord {
  commits: number;
  frames: number;
  /** When each burst was launched, ms after the first launch. */
  launches: number[];
  doneAt: number;
}

declare global {
  interface Window {
    __uiBench: BenchState;
  }
}

/**
 * Runs in the page before the app, after `defineLongTaskRecorder`: long tasks, commit counter,
 * frame counter.
 */
function instrument(): void {
  const state: BenchState = Object.assign(window.__recordLongTasks(), {
    commits: 0,
    frames: 0,
    launches: [],
    doneAt: 0,
  });
  window.__uiBench = state;
  // The developer-tools hook: React calls onCommitFiberRoot once per commit.
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberRoot: () => {
        if (state.measuring) state.commits += 1;
      },
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
    },
  });
  const countFrame = (): void => {
    if (state.measuring) state.frames += 1;
    requestAnimationFrame(countFrame);
  };
  requestAnimationFrame(countFrame);
}

/**
 * The launch form, found by CSS, its controls by role within it: every action resolves its
 * locator in the page's main thread while it is measured, and a role query over the whole
 * page (the form by its name) took 90-150 ms there, counted as the app's long task.
 */
function launchForm(page: Page): Locator {
  return page.locator('form[aria-label="Launch an event"]');
}

/** Fills the launch form for `burst`: its kind, its params and its size. */
async function fillBurst(page: Page, burst: Burst): Promise<void> {
  const form = launchForm(page);
  await form.getByRole('radio', { name: burst.kind, exact: true }).check();
  for (const [label, value] of Object.entries(burst.params ?? {})) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
  await form.getByLabel('Burst size (N)').fill(String(burst.count));
}

/**
 * Before measuring: fills the form once for every burst, so that Playwright's own first
 * queries in the page (compiling its selector engines in the page's thread: traced, a task of
 * 64-131 ms of CPU in the page before anything was launched) are not counted as the app's,
 * then leaves the form filled for the first burst.
 */
async function prepareBursts(page: Page, bursts: readonly Burst[]): Promise<void> {
  for (const burst of [...bursts].reverse()) await fillBurst(page, burst);
}

/** Launches the bursts one after another, the first with the form as `prepareBursts` left it. */
async function launchBursts(page: Page, bursts: readonly Burst[]): Promise<void> {
  const form = launchForm(page);
  for (const [index, burst] of bursts.entries()) {
    if (index > 0) await fillBurst(page, burst);
    await page.evaluate(() => {
      window.__uiBench.launches.push(performance.now() - window.__uiBench.startedAt);
    });
    await form.getByRole('button', { name: 'Launch burst' }).click();
    // A plain DOM read each frame: role-based locators would keep computing accessibility
    // trees in the page while it is being measured.
    await page.waitForFunction(
      (text) =>
        document
          .querySelector('form[aria-label="Launch an event"] [role="status"]')
          ?.textContent.includes(text) === true,
      `Launched ${String(burst.count)}`,
      { polling: 'raf' },
    );
  }
}

/** Waits, checking every frame, until the counters show every event terminal; stops measuring. */
async function waitUntilAllTerminal(page: Page, total: number): Promise<void> {
  await page.waitForFunction(
    (total) => {
      const count = (name: string): number => {
        const item = document.querySelector(
          `[aria-label="Status counters"] li[aria-label^="${name}: "]`,
        );
        return Number(item?.getAttribute('aria-label')?.split(': ')[1] ?? Number.NaN);
      };
      const done = count('total') === total && count('pending') === 0 && count('processing') === 0;
      if (done) {
        window.__uiBench.doneAt = performance.now();
        window.__uiBench.measuring = false;
      }
      return done;
    },
    total,
    { polling: 'raf', timeout: 900_000 },
  );
}

async function main(): Promise<void> {
  // Unminified when profiling, so the profile names the functions.
  const { browser, close } = await startBenchApp(OUT_DIR, PORT, {
    minify: !PROFILING && !SAMPLING_HEAP,
  });
  try {
    const names = (process.env.UI_BENCH_CASES ?? Object.keys(CASES).join(',')).split(',');
    for (const name of names) {
      const benchCase = CASES[name.trim()];
      if (benchCase === undefined) throw new Error(`unknown case "${name}"`);
      await runCase(browser, benchCase);
    }
  } finally {
    await close();
  }
}

/** One case in a fresh browser context (empty storage), measured and reported. */
async function runCase(browser: Browser, benchCase: BenchCase): Promise<void> {
  const { bursts, heapBudgetBytes } = benchCase;
  const total = bursts.reduce((sum, burst) => sum + burst.count, 0);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(defineLongTaskRecorder);
    await page.addInitScript(instrument);
    await page.goto(`http://127.0.0.1:${String(PORT)}/`);
    await launchForm(page).waitFor();
    await prepareBursts(page, bursts);

    await page.evaluate(() => {
      window.__uiBench.measuring = true;
      window.__uiBench.startedAt = performance.now();
    });
    const stopProfile = PROFILING ? await profileLongTasks(page) : undefined;
    const stopTrace =
      TRACING === '1' || TRACING === 'samples'
        ? await traceTasks(browser, page, { samples: TRACING === 'samples' })
        : undefined;
    const stopHeap = SAMPLING_HEAP ? await profileAllocations(page) : undefined;
    await launchBursts(page, bursts);
    await waitUntilAllTerminal(page, total);
    const allocations = await stopHeap?.(25);
    const profile = await stopProfile?.(5, 14);
    const trace = await stopTrace?.(8);
    const state = await page.evaluate(() => window.__uiBench);
    // Let the live view settle (last batched updates) before looking at rows and heap.
    await page.waitForTimeout(1000);
    const rows = await page.locator('ul[aria-label="Events"] > li').count();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const before = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');

    const seconds = (state.doneAt - state.startedAt) / 1000;
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const commitsPerFrame = state.commits / Math.max(1, state.frames);
    console.log(
      `\nBursts of ${String(total)} events in all: ${bursts.map((burst) => `${String(burst.count)} × ${burst.kind}`).join(', ')}\n`,
    );
    console.log(
      formatTable(
        ['measure', 'value'],
        [
          ['time from first launch to all terminal', `${seconds.toFixed(2)} s`],
          ['longest main-thread task', `${state.longestTaskMs.toFixed(0)} ms`],
          ['long tasks (> 50 ms)', String(state.longTasks)],
          ['React commits', String(state.commits)],
          ['animation frames', String(state.frames)],
          ['commits per frame', commitsPerFrame.toFixed(2)],
          ['list rows in the DOM', String(rows)],
          ['JS heap before / after GC', `${mb(before.usedSize)} / ${mb(after.usedSize)}`],
        ],
      ),
    );
    console.log(
      `\nbursts launched at: ${state.launches.map((at) => `${(at / 1000).toFixed(2)} s`).join(', ')}`,
    );
    console.log(
      `longest tasks (start: duration): ${state.worstTasks
        .map((task) => `${(task.at / 1000).toFixed(2)} s: ${task.ms.toFixed(0)} ms`)
        .join(', ')}`,
    );
    if (profile !== undefined)
      console.log(`\nwhere the longest tasks went:\n${profile.join('\n')}`);
    if (trace !== undefined) console.log(`\npage trace:\n${trace.join('\n')}`);
    if (allocations !== undefined)
      console.log(`\nwhere the bytes were allocated:\n${allocations.join('\n')}`);
    console.log('\nGoals');
    console.log(
      formatTable(
        ['goal', 'measured', 'target', 'verdict'],
        [
          [
            'longest task during the burst',
            `${state.longestTaskMs.toFixed(0)} ms`,
            `≤ ${String(LONGEST_TASK_BUDGET_MS)} ms`,
            verdict(state.longestTaskMs <= LONGEST_TASK_BUDGET_MS),
          ],
          [
            'list rows in the DOM (virtualized)',
            String(rows),
            `≤ ${String(ROW_BUDGET)}`,
            verdict(rows <= ROW_BUDGET),
          ],
          [
            'React commits near frames',
            `${commitsPerFrame.toFixed(2)} per frame`,
            `≤ ${String(COMMITS_PER_FRAME_BUDGET)} per frame`,
            verdict(commitsPerFrame <= COMMITS_PER_FRAME_BUDGET),
          ],
          [
            'JS heap after GC',
            mb(after.usedSize),
            `≤ ${mb(heapBudgetBytes)}`,
            verdict(after.usedSize <= heapBudgetBytes),
          ],
        ],
      ),
    );
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
});
