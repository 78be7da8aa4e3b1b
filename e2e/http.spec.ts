import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/dashboard.ts';

/** The counters of the local endpoint (see server/demoEndpoint.ts). */
interface DemoStats {
  requests: number;
  aborted: number;
  inFlight: number;
  refused: number;
  epoch: number;
}

// The endpoint's counters are shared by the whole server: run these one at a time.
test.describe.configure({ mode: 'serial' });

async function stats(request: APIRequestContext): Promise<DemoStats> {
  const response = await request.get('/api/demo/stats');
  expect(response.ok()).toBe(true);
  return (await response.json()) as DemoStats;
}

test('cancelling an HTTP event aborts its request to the endpoint', async ({
  dashboard,
  request,
}) => {
  const before = await stats(request);

  await dashboard.launch('HTTP event', { 'Never answer': true });
  await expect(dashboard.eventStatus).toHaveText('processing');
  await expect
    .poll(async () => (await stats(request)).requests, {
      message: 'the request reached the endpoint',
    })
    .toBe(before.requests + 1);

  await dashboard.inspector.getByRole('button', { name: 'Cancel' }).click();

  await expect(dashboard.eventStatus).toHaveText('cancelled');
  await expect
    .poll(async () => (await stats(request)).aborted, { message: 'the endpoint saw the abort' })
    .toBe(before.aborted + 1);
});

test('an HTTP event that times out aborts its request too', async ({ dashboard, request }) => {
  const before = await stats(request);

  await dashboard.launch('HTTP event', { 'Never answer': true, 'Timeout (s)': '0.5' });

  await expect(dashboard.eventStatus).toHaveText('cancelled');
  await expect(dashboard.inspector).toContainText('Operation timed out after 0.5s');
  await expect
    .poll(async () => (await stats(request)).aborted, { message: 'the endpoint saw the abort' })
    .toBe(before.aborted + 1);
});

test('an HTTP event launched with a latency in seconds completes with the endpoint’s JSON answer in ms', async ({
  dashboard,
}) => {
  await dashboard.launch('HTTP event', { 'Latency (s)': '0.05' });

  await expect(dashboard.eventStatus).toHaveText('completed');
  const response = dashboard.inspector.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('"status": 200');
  await expect(response).toContainText('"latency": 50');
});

test('an HTTP event still waiting when the page reloads comes back interrupted', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('HTTP event', { 'Never answer': true });
  await expect(dashboard.eventStatus).toHaveText('processing');

  await page.reload();

  await dashboard.rows().filter({ hasText: 'HTTP event' }).click();
  await expect(dashboard.eventStatus).toHaveText('cancelled');
  await expect(dashboard.inspector).toContainText('Interrupted: the page was closed or reloaded');
});

test('a burst of five identical HTTP events with 1 s latency runs side by side', async ({
  dashboard,
}) => {
  await dashboard.fill('HTTP event', { 'Latency (s)': '1' });
  await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill('5');
  const started = Date.now();
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();

  await expect(dashboard.counter('completed', 5)).toBeVisible({ timeout: 10_000 });
  // One after another they would take five seconds.
  expect(Date.now() - started).toBeLessThan(2_500);
});

test.describe('the endpoint and other sites', () => {
  // The browser reports the refused requests, and the stats page its missing icon, as errors.
  test.use({ expectedConsoleErrors: [/status of 40[34]/] });

  test('a page on another site can neither reset the endpoint nor make it hang', async ({
    page,
    request,
    baseURL,
  }) => {
    const target = baseURL ?? '';
    const before = await stats(request);
    // localhost and 127.0.0.1 are different sites: a page of the one is a neighbour of the
    // other. The stats document has no Content-Security-Policy, as another site would not.
    await page.goto(`${target.replace('127.0.0.1', 'localhost')}/api/demo/stats`);
    await page.evaluate(async (endpoint) => {
      await fetch(`${endpoint}/api/demo/stats/reset`, {
        method: 'POST',
        mode: 'no-cors',
        body: '{}',
      });
      const image = new Image();
      await new Promise((resolve) => {
        image.onload = resolve;
        image.onerror = resolve;
        image.src = `${endpoint}/api/demo?hang=1`;
      });
    }, target);

    const after = await stats(request);
    expect(after.epoch).toBe(before.epoch);
    expect(after.refused).toBe(before.refused + 2);
    expect(after.inFlight).toBe(before.inFlight);
  });
});
