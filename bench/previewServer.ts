import { chromium, type Browser } from '@playwright/test';
import { build, preview, type BuildEnvironmentOptions, type PreviewServer } from 'vite';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';

/**
 * Builds the app into `outDir` and serves it there with `vite preview` on `port`, for the
 * reports that drive the dashboard in Chromium. Close the server when done.
 */
export async function buildAndPreview(
  outDir: string,
  port: number,
  options: BuildEnvironmentOptions = {},
): Promise<PreviewServer> {
  await build({ logLevel: 'warn', build: { ...options, outDir, emptyOutDir: true } });
  return preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, open: false },
  });
}

/** A fresh production build served by `vite preview`, and a Chromium to drive it. */
export interface BenchApp {
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Builds the app into `outDir`, serves it on `port` and launches Chromium; `close` undoes both. */
export async function startBenchApp(
  outDir: string,
  port: number,
  options: BuildEnvironmentOptions = {},
): Promise<BenchApp> {
  const server = await buildAndPreview(outDir, port, options);
  const browser = await chromium.launch(chromiumLaunchOptions());
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
