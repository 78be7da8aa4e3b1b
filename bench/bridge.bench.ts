/**
 * The dashboard watching busy processes: builds the app (with the benchmark's read-out
 * switched on), serves it with `vite preview` and its receiver, opens it in Chromium, then
 * starts 4 Node processes that each create and run 2,500 events a second for 10 s through
 * the bridge. Reports whether every event the senders made is in the dashboard exactly once,
 * the latency from each event's terminal transition (the sender's timestamp) to the moment
 * the dashboard shows it (the page's clock, after the store update and the render it causes;
 * one machine, one clock), and the longest main-thread task. A report, not a test: it always
 * exits 0.
 *
 *   npm run bench:bridge
 *   BENCH_PROFILE=1 npm run bench:bridge   # also lists where the page spent its time
 *   BENCH_TRACE=1 npm run bench:bridge     # also traces the page: its work by kind, long tasks
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { bundleForNode } from '../scripts/bundleForNode.js';
import { profilePage } from './cpuProfile.ts';
import { traceTasks } from './traceTasks.ts';
import type { EventStore } from '../src/store/types.ts';
import { openBenchPage } from './benchPage.ts';
import type { LongTaskRecord } from './longTasks.ts';
import { formatTable, verdict } from './report.ts';

const PORT = Number(process.env.BENCH_BRIDGE_PORT ?? 4381);
const TOKEN = 'bridge-bench-token';
const OUT_DIR = resolve('node_modules/.tmp/bridge-bench/dist');
const SENDERS = 4;
const PER_SECOND = 2_500;
const SECONDS = 10;
const TOTAL = SENDERS * PER_SECOND * SECONDS;

const P95_LATENCY_BUDGET_MS = 250;
const LONGEST_TASK_BUDGET_MS = 50;
/** How long after the last sender finished the dashboard may take to show everything. */
const SETTLE_TIMEOUT_MS = 60_000;

interface SenderReport {
  made: number;
  sent: number;
  dropped: number;
  rejected: number;
  posts: number;
  postMs: { median: number; max: number };
  /** The oldest update of each post: how long it waited in the buffer before the post began. */
  waitMs: { median: number; max: number };
  problems: string[];
  cpuMs: number;
}

interface BenchState extends LongTaskRecord {
  /** Terminal transition to "shown", ms, one per event, when it was first shown terminal. */
  latencies: number[];
  /** A store update that showed terminal events to the end of the next frame, ms, per update. */
  shownToFrame: number[];
  /**
   * Terminal transition to the stream message that brought it arriving in the page, ms (the
   * senders' batching and posts, the receiver's broadcast, the stream), for the events of
   * every `ARRIVAL_SAMPLE`th message: the page's queue is what the full latency adds to it.
   */
  toArrival: number[];
  /** Arrival to the store update that showed it, ms, for the same events (the page's queue). */
  arrivalToShown: number[];
  /** Remote records the dashboard holds. */
  shown: number;
}

declare global {
  interface Window {
    __bridgeBench: BenchState;
    __bridgeBenchStore?: EventStore;
  }
}

/** Runs in the page before the app: long tasks, and when each remote event is first shown. */
function instrument(): void {
  const state: BenchState = Object.assign(window.__recordLongTasks(), {
    latencies: [],
    shownToFrame: [],
    toArrival: [],
    arrivalToShown: [],
    shown: 0,
  });
  window.__bridgeBench = state;

  // The core's clock: epoch milliseconds from the time origin, as the senders stamp them.
  const clock = (): number => performance.timeOrigin + performance.now();
  const terminal = new Set(['completed', 'failed', 'cancelled', 'skipped', 'aborted']);
  // Each message the app's stream receives, seen from outside the app: one in four parsed
  // again here (a copy of the app's parse would double its cost).
  const ARRIVAL_SAMPLE = 4;
  let messages = 0;
  /** When the sampled messages' terminal updates arrived (the clock above), by event id. */
  const arrivedAt = new Map<string, number>();
  const PageEventSource = window.EventSource;
  window.EventSource = class extends PageEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.addEventListener('updates', (event) => {
        messages += 1;
        if (!state.measuring || messages % ARRIVAL_SAMPLE !== 0) return;
        const arrived = clock();
        const updates = JSON.parse(String(event.data)) as {
          event: { id: string; execution: { status: string } };
          transitions: { at: number }[];
        }[];
        for (const update of updates) {
          if (!terminal.has(update.event.execution.status)) continue;
          state.toArrival.push(arrived - (update.transitions.at(-1)?.at ?? Number.NaN));
          if (!arrivedAt.has(update.event.id)) arrivedAt.set(update.event.id, arrived);
        }
      });
    }
  };
  let stamps: number[] = [];
  let arrivals: number[] = [];
  // A message to ourselves runs after the task that updated the store, React's render included.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = clock();
    const shownAt = performance.now();
    for (const at of stamps) state.latencies.push(now - at);
    for (const at of arrivals) state.arrivalToShown.push(now - at);
    stamps = [];
    arrivals = [];
    // The frame after: its rAF callbacks, style, layout and paint, then this timeout.
    requestAnimationFrame(() => {
      setTimeout(() => state.shownToFrame.push(performance.now() - shownAt), 0);
    });
  };
  /** Remote events seen, and those already stamped terminal. */
  const seen = new Set<string>();
  const stamped = new Set<string>();
  const watch = (store: EventStore): void => {
    // Each commit tells what it changed: the cost follows the updates, as the page's own does.
    store.records.subscribeChanges(({ upserted }) => {
      const before = stamps.length;
      for (const record of upserted) {
        if (record.remote === undefined) continue;
        if (!seen.has(record.id)) {
          seen.add(record.id);
          state.shown += 1;
        }
        if (!terminal.has(record.status) || stamped.has(record.id)) continue;
        stamped.add(record.id);
        stamps.push(record.transitions[record.transitions.length - 1]?.at ?? Number.NaN);
        const arrived = arrivedAt.get(record.id);
        if (arrived !== undefined) arrivals.push(arrived);
      }
      if (stamps.length > before && before === 0) channel.port2.postMessage(null);
    });
  };
  const find = (): void => {
    const store = window.__bridgeBenchStore;
    if (store === undefined) setTimeout(find, 20);
    else watch(store);
  };
  find();
}

function startSender(bundle: string, name: string): Promise<SenderReport> {
  const child = spawn(
    process.execPath,
    [
      bundle,
      `http://127.0.0.1:${String(PORT)}/?token=${TOKEN}`,
      name,
      String(PER_SECOND),
      String(SECONDS),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => (output += text));
  return new Promise((done, fail) => {
    // 'close', not 'exit': the last line may still be in the pipe when the process exits.
    child.on('close', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      try {
        done(JSON.parse(line) as SenderReport);
      } catch {
        fail(new Error(`sender ${name} exited with ${String(code)} and printed: ${output}`));
      }
    });
  });
}

/** Counts in the page, once everything settled: remote records by source, ids listed twice. */
function countInPage(page: Page) {
  return page.evaluate(() => {
    const store = window.__bridgeBenchStore;
    const bySource: Record<string, { records: number; terminal: number }> = {};
    if (store === undefined) return { bySource, listedTwice: 0 };
    const order = store.records.order.toArray();
    for (const id of order) {
      const record = store.records.get(id);
      if (record?.remote === undefined) continue;
      const counts = (bySource[record.remote.sourceName] ??= { records: 0, terminal: 0 });
      counts.records += 1;
      if (record.status !== 'pending' && record.status !== 'processing') counts.terminal += 1;
    }
    return { bySource, listedTwice: order.length - new Set(order).size };
  });
}

const cpuMs = (usage: NodeJS.CpuUsage): number => Math.round((usage.user + usage.system) / 1000);

/**
 * Starts counting the time the page's main thread spent in tasks (Chromium's `TaskDuration`);
 * the returned function tells the milliseconds since. Less noisy than latency on a shared
 * machine: it counts work done, not time waited.
 */
async function pageBusy(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  };
  const start = await read();
  return async () => Math.round(((await read()) - start) * 1000);
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  process.env.LIFECYCLE_LAB_TOKEN = TOKEN;
  process.env.VITE_BRIDGE_BENCH = 'true';
  const senderBundle = await bundleForNode('bench/bridgeSender.ts', 'bridge-bench');
  const profiling = process.env.BENCH_PROFILE === '1';
  const tracing = process.env.BENCH_TRACE === '1';
  const { page, close } = await openBenchPage({
    outDir: OUT_DIR,
    port: PORT,
    path: `/?token=${TOKEN}`,
    instrument,
    // Unminified when profiling or tracing, so the profile and the trace name the functions.
    minify: !profiling && !tracing,
  });
  try {
    await page.waitForFunction(() => window.__bridgeBenchStore !== undefined);

    await page.evaluate(() => {
      window.__bridgeBench.measuring = true;
      window.__bridgeBench.startedAt = performance.now();
    });
    const stopProfile = profiling ? await profilePage(page) : undefined;
    const browser = page.context().browser();
    const stopTrace = tracing && browser !== null ? await traceTasks(browser, page) : undefined;
    const busy = await pageBusy(page);
    const receiverCpu = process.cpuUsage();
    const names = Array.from({ length: SENDERS }, (_, index) => `sender-${String(index + 1)}`);
    const started = Date.now();
    const reports = await Promise.all(names.map((name) => startSender(senderBundle, name)));
    const sendersSeconds = (Date.now() - started) / 1000;
    const made = reports.reduce((sum, report) => sum + report.made, 0);
    await page
      .waitForFunction((total) => window.__bridgeBench.latencies.length >= total, made, {
        timeout: SETTLE_TIMEOUT_MS,
      })
      .catch(() => undefined);
    await page.evaluate(() => {
      window.__bridgeBench.measuring = false;
    });
    const receiverCpuMs = cpuMs(process.cpuUsage(receiverCpu));
    const pageBusyMs = await busy();
    const profile = await stopProfile?.(25);
    const trace = await stopTrace?.(8);
    const state = await page.evaluate(() => window.__bridgeBench);
    const counts = await countInPage(page);

    const p50 = percentile(state.latencies, 0.5);
    const p95 = percentile(state.latencies, 0.95);
    const max = percentile(state.latencies, 1);
    const perSender = names.map((name, index) => {
      const report = reports[index];
      const seen = counts.bySource[name] ?? { records: 0, terminal: 0 };
      return { name, report, seen };
    });
    const exact =
      counts.listedTwice === 0 &&
      perSender.every(
        ({ report, seen }) =>
          report?.dropped === 0 &&
          report.rejected === 0 &&
          seen.records === report.made &&
          seen.terminal === report.made,
      );

    console.log(
      `${String(SENDERS)} Node processes × ${PER_SECOND.toLocaleString('en')} events/s × ${String(SECONDS)} s = ${TOTAL.toLocaleString('en')} events; the senders took ${sendersSeconds.toFixed(1)} s\n`,
    );
    console.log(
      formatTable(
        [
          'sender',
          'made',
          'sent',
          'dropped',
          'rejected',
          'posts (median / max ms)',
          'buffer wait (median / max ms)',
          'CPU ms',
          'in the dashboard',
          'terminal there',
        ],
        perSender.map(({ name, report, seen }) => [
          name,
          String(report?.made ?? 0),
          String(report?.sent ?? 0),
          String(report?.dropped ?? 0),
          String(report?.rejected ?? 0),
          `${String(report?.posts ?? 0)} (${String(report?.postMs.median ?? 0)} / ${String(report?.postMs.max ?? 0)})`,
          `${String(report?.waitMs.median ?? 0)} / ${String(report?.waitMs.max ?? 0)}`,
          String(report?.cpuMs ?? 0),
          String(seen.records),
          String(seen.terminal),
        ]),
      ),
    );
    for (const { name, report } of perSender) {
      if ((report?.problems.length ?? 0) > 0)
        console.log(`${name} problems: ${report?.problems.join(' | ') ?? ''}`);
    }
    console.log(
      `\nlatency, terminal transition to shown: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms (${String(state.latencies.length)} events)`,
    );
    console.log(
      `longest tasks (start: duration): ${state.worstTasks
        .map((task) => `${(task.at / 1000).toFixed(2)} s: ${task.ms.toFixed(0)} ms`)
        .join(', ')}; ${String(state.longTasks)} long tasks in all`,
    );
    console.log(
      `CPU: senders ${String(reports.reduce((sum, report) => sum + report.cpuMs, 0))} ms, receiver (this process, with the browser driver) ${String(receiverCpuMs)} ms, page main thread busy ${String(pageBusyMs)} ms`,
    );
    const stage = (values: readonly number[]): string =>
      `p50 ${percentile(values, 0.5).toFixed(0)}, p95 ${percentile(values, 0.95).toFixed(0)} ms`;
    console.log(
      `by stage (events of one stream message in four): transition to arrival in the page ${stage(state.toArrival)}, arrival to store update ${stage(state.arrivalToShown)}; store update to the next frame's end ${stage(state.shownToFrame)}`,
    );
    if (profile !== undefined) console.log(`\npage CPU profile, self time:\n${profile.join('\n')}`);
    if (trace !== undefined) console.log(`\npage trace:\n${trace.join('\n')}`);
    console.log('\nGoals');
    console.log(
      formatTable(
        ['goal', 'measured', 'target', 'verdict'],
        [
          [
            'every event shown exactly once',
            `${String(Object.values(counts.bySource).reduce((sum, seen) => sum + seen.records, 0))} of ${String(made)}, ${String(counts.listedTwice)} listed twice`,
            'all, none twice',
            verdict(exact),
          ],
          [
            'p95 latency, transition to row update',
            `${p95.toFixed(0)} ms`,
            `≤ ${String(P95_LATENCY_BUDGET_MS)} ms`,
            verdict(p95 <= P95_LATENCY_BUDGET_MS),
          ],
          [
            'longest main-thread task',
            `${state.longestTaskMs.toFixed(0)} ms`,
            `≤ ${String(LONGEST_TASK_BUDGET_MS)} ms`,
            verdict(state.longestTaskMs <= LONGEST_TASK_BUDGET_MS),
          ],
        ],
      ),
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
});
