/** Where a page's time went: Chromium's CPU profiler, summed by function (self time). */
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Starts profiling the page; the returned function stops and lists the top functions. */
export async function profilePage(page: Page): Promise<(top: number) => Promise<string[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async (top) => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
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
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const file = url.split('/').at(-1) ?? '';
      const key = `${functionName || '(anonymous)'} ${file}:${String(lineNumber + 1)}:${String(columnNumber + 1)}`;
      selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
    });
    return [...selfMs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([key, ms]) =>
          `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`,
      );
  };
}
