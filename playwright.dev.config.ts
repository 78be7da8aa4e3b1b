import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The few stories that exist only in development builds (the TanStack Query devtools), run
 * against the Vite dev server rather than the production preview.
 */
const PORT = Number(process.env.E2E_PORT ?? 5174);
const baseURL = `http://127.0.0.1:${String(PORT)}`;

export default defineConfig({
  ...base,
  testDir: 'e2e/dev',
  testIgnore: [],
  use: { ...base.use, baseURL },
  // The dev server transforms each module on its first request, and the devtools arrive in a
  // lazy chunk: the first story after a cold start waits several seconds on a busy machine.
  expect: { ...base.expect, timeout: 15_000 },
  webServer: {
    command: `npx vite --port ${String(PORT)} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
