import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';

const OUT = resolve('node_modules/.tmp/ui-profile/dist');
const PORT = 4313;
type N = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
async function main() {
  await build({ logLevel: 'error', build: { outDir: OUT, emptyOutDir: true, minify: false } });
  const server = await preview({ logLevel: 'error', build: { outDir: OUT }, preview: { port: PORT, strictPort: true } });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const form = page.getByRole('form', { name: 'Launch an event' });
  await form.waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const kinds: [string, Record<string, string>][] = [['Simple event', {}], ['Failing event', {}], ['Slow event', { 'Delay (s)': '0.3', 'Timeout (s)': '0.1' }], ['Status-tracking event', {}], ['Null-returning event', {}]];
  for (const [index, [kind, params]] of [...kinds, ...kinds].entries()) {
    if (index === 6) await cdp.send('Profiler.start');
    await form.getByRole('radio', { name: kind, exact: true }).check();
    for (const [l, v] of Object.entries(params)) await form.getByLabel(l, { exact: true }).fill(v);
    await form.getByLabel('Burst size (N)').fill('10000');
    await form.getByRole('button', { name: 'Launch burst' }).click();
    await page.waitForTimeout(3000);
  }
  await page.waitForTimeout(3000);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map<number, N>(profile.nodes.map((n: N) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes as N[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: N) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const runs: { start: number; end: number; ms: number }[] = [];
  let cur: { start: number; end: number; ms: number } | null = null;
  profile.samples.forEach((id: number, i: number) => {
    const idle = byId.get(id)!.callFrame.functionName === '(idle)';
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (idle) { if (cur) { runs.push(cur); cur = null; } return; }
    if (!cur) cur = { start: i, end: i, ms: 0 };
    cur.end = i; cur.ms += dt;
  });
  if (cur) runs.push(cur);
  runs.sort((a, b) => b.ms - a.ms);
  for (const run of runs.slice(0, 3)) {
    const total = new Map<string, number>();
    const self = new Map<string, number>();
    for (let i = run.start; i <= run.end; i++) {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const seen = new Set<string>();
      const s0 = name(byId.get(profile.samples[i])!); self.set(s0, (self.get(s0) ?? 0) + dt);
      let c: number | undefined = profile.samples[i];
      while (c !== undefined) { const k = name(byId.get(c)!); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); } c = parent.get(c); }
    }
    console.log(`RUN ${run.ms.toFixed(0)} ms`);
    for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(7), k);
    console.log(' self:'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(v.toFixed(1).padStart(7), k);
  }
  await browser.close(); await server.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
