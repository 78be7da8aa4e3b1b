import { defineConfig, devices } from '@playwright/test';
import { E2E_RECEIVER_TOKEN } from './e2e/support/bridgeWorkers.ts';
import { chromiumLaunchOptions, ensureChromium } from './e2e/support/chromium.ts';

ensureChromium();

/** Override with E2E_PORT to run several suites side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${String(PORT)}`;

export default defineConfig({
  testDir: 'e2e',
  // Development-build stories run against the dev server: playwright.dev.config.ts.
  testIgnore: 'dev/**',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One at a time: the timing stories (a burst of 10,000, five requests side by side) measure
  // the page, and a second browser on a 2-core machine would measure the neighbour instead.
  workers: 1,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    // The production build, with `?crash=<view>` fault injection switched on for the tests.
    command: `VITE_FAULT_INJECTION=true npm run build && npm run preview -- --port ${String(PORT)} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // A known receiver token, so the tests can open the dashboard as the printed URL would.
    env: { LIFECYCLE_LAB_TOKEN: E2E_RECEIVER_TOKEN },
  },
});
