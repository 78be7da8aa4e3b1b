/**
 * What the page's main thread did, from a Chromium trace: its time by kind of work (the events
 * directly inside each task: script, style, layout, paint, parsing, IndexedDB callbacks…),
 * how much of the tasks' wall time was CPU time (the rest the thread waited for a core), and
 * what each of the longest tasks was made of.
 */
import type { Browser, Page } from '@playwright/test';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
/** With these too, the trace holds the JavaScript samples that say what each long task ran. */
const SAMPLED = [...CATEGORIES, 'disabled-by-default-v8.cpu_profiler'];

/** One event of a Chromium trace, as the benchmarks read them. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** CPU time of the thread, µs. */
  tdur?: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      functionName?: string;
      url?: string;
      lineNumber?: number;
      type?: string;
      startTime?: number;
      cpuProfile?: { nodes?: SampledNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    /** Layout: how many layout objects it had to lay out, of how many. */
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}

interface SampledNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number };
}

/**
 * Starts tracing the page; the returned function stops and describes the main thread's work.
 * With `samples`, each of the longest tasks also lists the JavaScript functions it spent its
 * time in (inclusive, from the V8 sampler's ticks inside the task).
 */
export async function traceTasks(
  browser: Browser,
  page: Page,
  options: { samples?: boolean } = {},
): Promise<(longest: number) => Promise<string[]>> {
  await browser.startTracing(page, {
    categories: options.samples === true ? SAMPLED : CATEGORIES,
  });
  return async (longest) => describe(await browser.stopTracing(), longest);
}

interface Samples {
  /** Trace time of each sample, µs, ascending. */
  times: number[];
  nodes: number[];
  byId: Map<number, SampledNode>;
}

/** The V8 sampler's ticks in the trace (its `ProfileChunk` events), for the main thread. */
function samplesOf(all: readonly TraceEvent[], mainThread: number | undefined): Samples {
  const byId = new Map<number, SampledNode>();
  const times: number[] = [];
  const nodes: number[] = [];
  const start = all.find((event) => event.name === 'Profile' && event.tid === mainThread);
  let time = start?.args?.data?.startTime ?? 0;
  for (const event of all) {
    if (event.name !== 'ProfileChunk' || event.id !== start?.id) continue;
    const data = event.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) byId.set(node.id, node);
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, index) => {
      time += deltas[index] ?? 0;
      times.push(time);
      nodes.push(node);
    });
  }
  return { times, nodes, byId };
}

/** The functions the samples inside `task` were in, inclusive, the `top` most. */
function functionsIn(samples: Samples, task: TraceEvent, top: number): string {
  const from = task.ts;
  const to = task.ts + (task.dur ?? 0);
  const counts = new Map<string, number>();
  let total = 0;
  samples.times.forEach((time, index) => {
    if (time < from || time > to) return;
    total += 1;
    const seen = new Set<string>();
    for (
      let node = samples.byId.get(samples.nodes[index] ?? -1);
      node !== undefined;
      node = node.parent === undefined ? undefined : samples.byId.get(node.parent)
    ) {
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(root)' || functionName === '(program)' || functionName === '(idle)')
        continue;
      const file = url?.split('/').at(-1) ?? '';
      const name = `${functionName === undefined || functionName === '' ? '(anonymous)' : functionName} ${file}:${String((lineNumber ?? -1) + 1)}`;
      if (seen.has(name)) continue;
      seen.add(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  });
  if (total === 0) return '';
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, count]) => `      ${String(Math.round((count / total) * 100)).padStart(3)}%  ${name}`,
    )
    .join('\n');
}

function label(event: TraceEvent): string {
  const objects = event.args?.beginData;
  if (event.name === 'Layout' && objects?.totalObjects !== undefined)
    return `Layout (${String(objects.dirtyObjects ?? 0)} of ${String(objects.totalObjects)} objects)`;
  const data = event.args?.data;
  const where =
    data?.functionName ?? data?.type ?? data?.url?.split('/').at(-1)?.split('?')[0] ?? '';
  return where === '' ? event.name : `${event.name} (${where})`;
}

const ms = (us: number): string => (us / 1000).toFixed(0);

/** Kinds of work told apart by the function they call (which timer, which frame callback). */
const CALLBACKS = new Set(['TimerFire', 'FireAnimationFrame', 'EventDispatch']);

/** The function the first call inside `outer` ran, as `name file:line`. */
function calledIn(
  sorted: readonly TraceEvent[],
  positions: ReadonlyMap<TraceEvent, number>,
  outer: TraceEvent,
): string {
  const end = outer.ts + (outer.dur ?? 0);
  let index = (positions.get(outer) ?? sorted.length) + 1;
  for (; index < sorted.length; index += 1) {
    const event = sorted[index];
    if (event === undefined || event.ts >= end) break;
    if (event.name !== 'FunctionCall') continue;
    const data = event.args?.data;
    const file = data?.url?.split('/').at(-1)?.split('?')[0] ?? '';
    const line = data?.lineNumber;
    const name = data?.functionName ?? '';
    return `${name === '' ? '(anonymous)' : name} ${file}:${String((line ?? -1) + 1)}`;
  }
  return '(no script)';
}

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
  const positions = new Map(events.map((event, index) => [event, index]));
  const samples = samplesOf(all, mainThread);
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
      const key =
        event.name === 'FunctionCall'
          ? label(event)
          : CALLBACKS.has(event.name)
            ? `${event.name}: ${calledIn(events, positions, event)}`
            : event.name;
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
    const functions = functionsIn(samples, parent, 12);
    if (functions !== '') lines.push(functions);
  }
  return lines;
}
