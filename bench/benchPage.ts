/** The dashboard as the browser benchmarks see it: built, served, open in Chromium. */
import type { Page } from '@playwright/test';
import { defineLongTaskRecorder } from './longTasks.ts';
import { startBenchApp } from './previewServer.ts';

export interface BenchPageOptions {
  /** Where the production build goes (never the `dist/` an end-to-end run may serve). */
  outDir: string;
  port: number;
  /** Address below the origin to open, e.g. `/?token=…`. */
  path: string;
  /** The benchmark's init script, run in the page before the app (after the long-task one). */
  instrument: () => void;
  /** `false` keeps function names for a CPU profile (default `true`). */
  minify?: boolean;
}

/** Builds the app, serves it with `vite preview` and opens it; `close` undoes all three. */
export async function openBenchPage(
  options: BenchPageOptions,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const { browser, close } = await startBenchApp(options.outDir, options.port, {
    minify: options.minify ?? true,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(defineLongTaskRecorder);
    await page.addInitScript(options.instrument);
    await page.goto(`http://127.0.0.1:${String(options.port)}${options.path}`);
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
