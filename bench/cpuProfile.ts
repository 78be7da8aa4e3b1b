/** Where a page's time went: Chromium's CPU profiler, summed by function (self time). */
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Starts profiling the page; the returned function stops and lists the top functions. */
export async function profilePage(page: Page): Promise<(top: number) => Promise<string[]>> {
  const stop = await startProfile(page);
  return async (top) => selfTimes(await stop(), top);
}

/**
 * Starts profiling the page; the returned function stops and lists, for each of the `tasks`
 * longest stretches of uninterrupted work, the `top` functions it spent its time in
 * (inclusive: a function counts once per sample whatever its depth), so a long task can be
 * traced to the code that made it long.
 */
export async function profileLongTasks(
  page: Page,
): Promise<(tasks: number, top: number) => Promise<string[]>> {
  const stop = await startProfile(page);
  return async (tasks, top) => longTaskBreakdown(await stop(), tasks, top);
}

async function startProfile(page: Page): Promise<() => Promise<Profile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    return profile;
  };
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const file = url.split('/').at(-1) ?? '';
  return `${functionName || '(anonymous)'} ${file}:${String(lineNumber + 1)}:${String(columnNumber + 1)}`;
}

function longTaskBreakdown(profile: Profile, tasks: number, top: number): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Stretches of samples with no idle sample between them.
  const runs: { from: number; to: number; ms: number }[] = [];
  let from = -1;
  let ms = 0;
  samples.forEach((id, index) => {
    const idle = byNode.get(id)?.callFrame.functionName === '(idle)';
    const delta = (deltas[index + 1] ?? 0) / 1000;
    if (idle) {
      if (from >= 0) runs.push({ from, to: index, ms });
      from = -1;
      ms = 0;
      return;
    }
    if (from < 0) from = index;
    ms += delta;
  });
  if (from >= 0) runs.push({ from, to: samples.length, ms });
  const lines: string[] = [];
  for (const run of runs.sort((a, b) => b.ms - a.ms).slice(0, tasks)) {
    const inclusive = new Map<string, number>();
    for (let index = run.from; index < run.to; index += 1) {
      const delta = (deltas[index + 1] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let id: number | undefined = samples[index]; id !== undefined; id = parentOf.get(id)) {
        const node = byNode.get(id);
        if (node === undefined) break;
        const name = frameName(node);
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
      }
    }
    lines.push(`task of ${run.ms.toFixed(0)} ms:`);
    for (const [name, spent] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      lines.push(`  ${spent.toFixed(1).padStart(6)} ms  ${name}`);
    }
  }
  return lines;
}

function selfTimes(profile: Profile, top: number): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, index) => {
    const node = byNode.get(id);
    const ms = (deltas[index] ?? 0) / 1000;
    total += ms;
    if (node === undefined) return;
    const key = frameName(node);
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  });
  return [...selfMs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([key, ms]) =>
        `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`,
    );
}
