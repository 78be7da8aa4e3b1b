/**
 * What a page allocates: V8's sampling heap profiler, counting objects the garbage collector
 * already took as well, summed by the function that allocated them (self). A page's long
 * tasks under a burst are mostly garbage collections, whose cost follows what was allocated
 * (and what of it survived): this says where those bytes came from.
 */
import type { Page } from '@playwright/test';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** Starts sampling; the returned function stops and lists the `top` allocating functions. */
export async function profileAllocations(page: Page): Promise<(top: number) => Promise<string[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async (top) => {
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: SamplingNode };
    };
    const bytes = new Map<string, number>();
    const stack = [profile.head];
    let total = 0;
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const name = `${functionName || '(anonymous)'} ${url.split('/').at(-1) ?? ''}:${String(lineNumber + 1)}:${String(columnNumber + 1)}`;
      bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
      total += node.selfSize;
      stack.push(...node.children);
    }
    const mb = (value: number): string => `${(value / 1024 / 1024).toFixed(1)} MB`;
    return [
      `${mb(total)} allocated in all (sampled)`,
      ...[...bytes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([name, size]) =>
            `${mb(size).padStart(9)}  ${((100 * size) / total).toFixed(1).padStart(5)}%  ${name}`,
        ),
    ];
  };
}
