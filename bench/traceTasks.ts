/**
 * What the page's main thread did, from a Chromium trace: its time by kind of work (the events
 * directly inside each task: script, style, layout, paint, parsing, IndexedDB callbacks…),
 * how much of the tasks' wall time was CPU time (the rest the thread waited for a core), and
 * what each of the longest tasks was made of.
 */
import type { Browser, Page } from '@playwright/test';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** One event of a Chromium trace, as the benchmarks read them. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** CPU time of the thread, µs. */
  tdur?: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; type?: string } };
}

/** Starts tracing the page; the returned function stops and describes the main thread's work. */
export async function traceTasks(
  browser: Browser,
  page: Page,
): Promise<(longest: number) => Promise<string[]>> {
  await browser.startTracing(page, { categories: CATEGORIES });
  return async (longest) => describe(await browser.stopTracing(), longest);
}

function label(event: TraceEvent): string {
  const data = event.args?.data;
  const where =
    data?.functionName ?? data?.type ?? data?.url?.split('/').at(-1)?.split('?')[0] ?? '';
  return where === '' ? event.name : `${event.name} (${where})`;
}

const ms = (us: number): string => (us / 1000).toFixed(0);

function describe(trace: Buffer, longest: number): string[] {
  const all = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThread = all.find(
    (event) =>
      event.name === 'thread_name' && JSON.stringify(event.args).includes('CrRendererMain'),
  )?.tid;
  const events = all
    .filter((event) => event.tid === mainThread && event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = events.filter((event) => event.name === 'RunTask');
  // The events directly inside each task: the first level under it.
  const children = new Map<TraceEvent, TraceEvent[]>();
  let task: TraceEvent | undefined;
  let end = 0;
  let childEnd = 0;
  for (const event of events) {
    if (event.name === 'RunTask') {
      task = event;
      end = event.ts + (event.dur ?? 0);
      childEnd = 0;
      children.set(event, []);
      continue;
    }
    if (task === undefined || event.ts >= end || event.ts < childEnd) continue;
    children.get(task)?.push(event);
    childEnd = event.ts + (event.dur ?? 0);
  }
  const byKind = new Map<string, { wall: number; cpu: number }>();
  let wall = 0;
  let cpu = 0;
  for (const [parent, inside] of children) {
    wall += parent.dur ?? 0;
    cpu += parent.tdur ?? 0;
    let covered = 0;
    for (const event of inside) {
      const key = event.name === 'FunctionCall' ? label(event) : event.name;
      const sum = byKind.get(key) ?? { wall: 0, cpu: 0 };
      sum.wall += event.dur ?? 0;
      sum.cpu += event.tdur ?? 0;
      byKind.set(key, sum);
      covered += event.dur ?? 0;
    }
    const rest = byKind.get('(inside tasks, not traced)') ?? { wall: 0, cpu: 0 };
    rest.wall += Math.max(0, (parent.dur ?? 0) - covered);
    byKind.set('(inside tasks, not traced)', rest);
  }
  const lines = [
    `main thread: ${String(tasks.length)} tasks, ${ms(wall)} ms wall, ${ms(cpu)} ms CPU; over 50 ms: ${String(tasks.filter((event) => (event.dur ?? 0) > 50_000).length)}`,
    'by kind (wall / CPU ms):',
  ];
  for (const [key, sum] of [...byKind].sort((a, b) => b[1].wall - a[1].wall).slice(0, 20)) {
    lines.push(`  ${ms(sum.wall).padStart(7)} / ${ms(sum.cpu).padStart(6)}  ${key}`);
  }
  const byCpu = tasks.map((event) => event.tdur ?? 0).sort((a, b) => b - a);
  lines.push(
    `longest tasks by CPU time (ms; on a busy machine a task's wall time is mostly waiting for a core): ${byCpu
      .slice(0, 5)
      .map(ms)
      .join(', ')}; ${String(byCpu.filter((us) => us > 50_000).length)} over 50 ms`,
  );
  lines.push(`the ${String(longest)} longest tasks (wall / CPU ms: what they were made of):`);
  for (const parent of [...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, longest)) {
    const parts = (children.get(parent) ?? [])
      .filter((event) => (event.dur ?? 0) >= 2_000)
      .map((event) => `${label(event)} ${ms(event.dur ?? 0)}/${ms(event.tdur ?? 0)}`);
    lines.push(
      `  ${ms(parent.dur ?? 0)} / ${ms(parent.tdur ?? 0)}: ${parts.join(', ') || '(nothing over 2 ms)'}`,
    );
  }
  return lines;
}
