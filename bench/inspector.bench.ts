/**
 * The inspector under hostile input: builds the app, serves it with `vite preview`, imports
 * each hostile log of `e2e/support/inspectorCases.ts` (an error group 150,000 wide, one 100
 * levels deep, a 10 MB unbroken message, a 10 MB response) into a fresh page of Chromium,
 * and reports the longest main-thread task of each step against 50 ms.
 * A report, not a test: it always exits 0.
 *
 *   npm run bench:inspector
 *   npm run bench:inspector -- --profile   # unminified build; what each long task spent its time on
 *   npm run bench:inspector -- --cpu       # also the CPU time of each step's busiest task
 *   npm run bench:inspector -- --case response   # only the cases whose name contains "response"
 */
import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { INSPECTOR_CASES, importLog, type InspectorCase } from '../e2e/support/inspectorCases.ts';
import {
  LONG_TASK_BUDGET_MS,
  longTasksDuring,
  longest,
  observeLongTasks,
} from '../e2e/support/longTasks.ts';
import { startBenchApp } from './previewServer.ts';
import { formatTable, verdict } from './report.ts';
import type { TraceEvent } from './traceTasks.ts';

const PORT = 4351;
const OUT_DIR = resolve('node_modules/.tmp/inspector-bench/dist');
const PROFILE = process.argv.includes('--profile');
/** `--cpu`: trace each step for the CPU time of its tasks (tracing slows the page a little). */
const CPU = PROFILE || process.argv.includes('--cpu');
/** `--case <words>`: only the cases whose name contains them. */
const ONLY = process.argv[process.argv.indexOf('--case') + 1];
const CASES = INSPECTOR_CASES.filter(
  (inspectorCase) => !process.argv.includes('--case') || inspectorCase.name.includes(ONLY ?? ''),
);
const PROFILE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];
/** Enough for the main thread's tasks with their CPU time. */
const TASK_CATEGORIES = ['disabled-by-default-devtools.timeline'];

interface StepResult {
  caseName: string;
  step: string;
  durations: number[];
  /** The most CPU time one main-thread task of the step took, from a trace. */
  cpuMs: number;
}

async function runCase(browser: Browser, inspectorCase: InspectorCase): Promise<StepResult[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await observeLongTasks(page);
    await page.goto(`http://127.0.0.1:${String(PORT)}/`);
    await importLog(page, inspectorCase.fileName, inspectorCase.log());
    const results: StepResult[] = [];
    for (const step of inspectorCase.steps) {
      let cpuMs = 0;
      const durations = await longTasksDuring(page, async () => {
        const cdp = PROFILE ? await context.newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.start');
        }
        if (!CPU) return step.run(page);
        const categories = PROFILE ? PROFILE_CATEGORIES : TASK_CATEGORIES;
        await browser.startTracing(page, { categories });
        await step.run(page);
        const trace = mainThreadTasks(await browser.stopTracing());
        cpuMs = trace.tasks.reduce((max, task) => Math.max(max, (task.tdur ?? 0) / 1000), 0);
        if (cdp) {
          printLongTasks(trace, `${inspectorCase.name}, ${step.name}`);
          printHotFunctions((await cdp.send('Profiler.stop')).profile);
          await cdp.detach();
        }
      });
      results.push({ caseName: inspectorCase.name, step: step.name, durations, cpuMs });
    }
    return results;
  } finally {
    await context.close();
  }
}

/** The main thread's events of a trace, and its tasks. */
function mainThreadTasks(trace: Buffer): { events: TraceEvent[]; tasks: TraceEvent[] } {
  const all = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThread = all.find(
    (event) =>
      event.name === 'thread_name' && JSON.stringify(event.args).includes('CrRendererMain'),
  )?.tid;
  const events = all.filter((event) => event.tid === mainThread && event.ph === 'X');
  return { events, tasks: events.filter((event) => event.name === 'RunTask') };
}

/** What each long task of a step spent its time on: the events over 5 ms inside it. */
function printLongTasks(
  { events, tasks }: ReturnType<typeof mainThreadTasks>,
  title: string,
): void {
  const long = tasks.filter((event) => (event.dur ?? 0) > 50_000);
  console.log(`\n${title}: ${String(long.length)} long tasks`);
  for (const task of long) {
    const end = task.ts + (task.dur ?? 0);
    const inside = events
      .filter((event) => event !== task && event.ts >= task.ts && event.ts < end)
      .filter((event) => (event.dur ?? 0) > 5_000)
      .map((event) => {
        const data = event.args?.data;
        const where = data?.functionName ?? data?.type ?? data?.url?.split('/').at(-1) ?? '';
        return `${event.name}${where ? ` (${where})` : ''} ${((event.dur ?? 0) / 1000).toFixed(0)} ms`;
      });
    const cpu = ((task.tdur ?? 0) / 1000).toFixed(0);
    console.log(
      `  ${((task.dur ?? 0) / 1000).toFixed(0)} ms (CPU ${cpu} ms): ${inside.join(' > ')}`,
    );
  }
}

/** The functions that took the most time of their own during a step. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

function printHotFunctions(profile: CpuProfile): void {
  const selfMs = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame?.url) return;
    const file = frame.url.split('/').at(-1) ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${String(frame.lineNumber + 1)}`;
    selfMs.set(name, (selfMs.get(name) ?? 0) + (deltas[index] ?? 0) / 1000);
  });
  const top = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(
    `  most self time: ${top.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ')}`,
  );
}

async function main(): Promise<void> {
  const { browser, close } = await startBenchApp(OUT_DIR, PORT, PROFILE ? { minify: false } : {});
  try {
    const results: StepResult[] = [];
    for (const inspectorCase of CASES) {
      results.push(...(await runCase(browser, inspectorCase)));
    }
    console.log(
      [
        '\nLongest main-thread task per step (a long task is one over 50 ms), as the page measured',
        'it, and with --cpu the most CPU time one task took (from a trace): where the machine is busy, a',
        "task's wall time exceeds its CPU time by the time the page waited for a core.\n",
      ].join('\n'),
    );
    console.log(
      formatTable(
        ['case', 'step', 'long tasks', 'longest', 'most CPU', 'target', 'verdict'],
        results.map(({ caseName, step, durations, cpuMs }) => {
          const worst = longest(durations);
          return [
            caseName,
            step,
            String(durations.length),
            durations.length === 0 ? '≤ 50 ms' : `${String(worst)} ms`,
            CPU ? `${cpuMs.toFixed(0)} ms` : '-',
            `≤ ${String(LONG_TASK_BUDGET_MS)} ms`,
            verdict(worst <= LONG_TASK_BUDGET_MS),
          ];
        }),
      ),
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
});
