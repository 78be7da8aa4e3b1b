/**
 * The inspector under hostile input: builds the app, serves it with `vite preview`, imports
 * each hostile log of `e2e/support/inspectorCases.ts` (an error group 150,000 wide, one 100
 * levels deep, a 10 MB unbroken message, a 10 MB response) into a fresh page of Chromium,
 * and reports the longest main-thread task of each step against 50 ms.
 * A report, not a test: it always exits 0.
 *
 *   npm run bench:inspector
 *   npm run bench:inspector -- --profile   # unminified build; prints each step's hot functions
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { INSPECTOR_CASES, importLog, type InspectorCase } from '../e2e/support/inspectorCases.ts';
import {
  LONG_TASK_BUDGET_MS,
  longTasksDuring,
  longest,
  observeLongTasks,
} from '../e2e/support/longTasks.ts';
import { buildAndPreview } from './previewServer.ts';
import { formatTable, verdict } from './report.ts';

const PORT = 4351;
const OUT_DIR = resolve('node_modules/.tmp/inspector-bench/dist');
const PROFILE = process.argv.includes('--profile');

interface StepResult {
  caseName: string;
  step: string;
  durations: number[];
}

async function runCase(browser: Browser, inspectorCase: InspectorCase): Promise<StepResult[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await observeLongTasks(page);
    await page.goto(`http://127.0.0.1:${String(PORT)}/`);
    await importLog(page, inspectorCase.fileName, inspectorCase.log());
    const cdp = PROFILE ? await context.newCDPSession(page) : undefined;
    const results: StepResult[] = [];
    for (const step of inspectorCase.steps) {
      if (cdp) await startProfile(cdp);
      const durations = await longTasksDuring(page, () => step.run(page));
      results.push({ caseName: inspectorCase.name, step: step.name, durations });
      if (cdp) await printProfile(cdp, `${inspectorCase.name}, ${step.name}`);
    }
    return results;
  } finally {
    await context.close();
  }
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

/** The functions that took the most time of their own during a step. */
async function printProfile(cdp: CDPSession, title: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  const selfMs = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').at(-1) ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${String(frame.lineNumber + 1)}`;
    selfMs.set(name, (selfMs.get(name) ?? 0) + (deltas[index] ?? 0) / 1000);
  });
  const top = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`\n${title}: most self time`);
  for (const [name, ms] of top) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

async function main(): Promise<void> {
  const server = await buildAndPreview(OUT_DIR, PORT, PROFILE ? { minify: false } : {});
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const results: StepResult[] = [];
    for (const inspectorCase of INSPECTOR_CASES) {
      results.push(...(await runCase(browser, inspectorCase)));
    }
    console.log('\nLongest main-thread task per step (a long task is one over 50 ms)\n');
    console.log(
      formatTable(
        ['case', 'step', 'long tasks', 'longest', 'target', 'verdict'],
        results.map(({ caseName, step, durations }) => {
          const worst = longest(durations);
          return [
            caseName,
            step,
            String(durations.length),
            durations.length === 0 ? '≤ 50 ms' : `${String(worst)} ms`,
            `≤ ${String(LONG_TASK_BUDGET_MS)} ms`,
            verdict(worst <= LONG_TASK_BUDGET_MS),
          ];
        }),
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
});
