import { expect, test } from './support/dashboard.ts';

/** A lionherd log (`Event.to_dict(mode="json")` records) with a record of each given status. */
function logOf(statuses: readonly string[]): string {
  return JSON.stringify(
    statuses.map((status, index) => ({
      id: `00000000-0000-4000-8000-00000000000${String(index)}`,
      created_at: '2026-11-30T19:02:52.573783+00:00',
      metadata: {},
      execution: {
        status,
        duration: status === 'pending' ? null : 0.5,
        response: null,
        error: null,
        retryable: status === 'pending' ? null : false,
      },
    })),
  );
}

test('imported records are counted apart: an imported pending record never adds to pending', async ({
  dashboard,
}) => {
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');
  await expect(dashboard.counter('completed', 1)).toBeVisible();

  await dashboard.keepPanel.getByLabel('Import log').setInputFiles({
    name: 'old-run.json',
    mimeType: 'application/json',
    buffer: Buffer.from(logOf(['pending', 'pending', 'completed'])),
  });
  await expect(dashboard.keepPanel.getByRole('status')).toContainText(
    'Imported 3 events from old-run.json',
  );

  // The statuses count this page's events only; the log's records are "+ 3 imported".
  await expect(dashboard.counter('pending', 0)).toBeVisible();
  await expect(dashboard.counter('completed', 1)).toBeVisible();
  await expect(dashboard.counter('imported', 3)).toBeVisible();
  await expect(dashboard.counter('imported', 3)).toHaveText('+ 3 imported');
  await expect(dashboard.counter('total', 4)).toBeVisible();
});

test('with nothing imported there is no imported counter', async ({ dashboard }) => {
  await dashboard.launch('Simple event');
  await expect(dashboard.counter('total', 1)).toBeVisible();
  await expect(
    dashboard.eventsPanel
      .getByRole('list', { name: 'Status counters' })
      .getByRole('listitem', { name: /^imported/ }),
  ).toHaveCount(0);
});

test('during a burst the counters are redrawn a few times a second, not every frame, and end on the exact counts', async ({
  dashboard,
  page,
}) => {
  // When the counters changed, looked at every frame in the page.
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { __counterChanges: number[] }).__counterChanges = times;
    let last: string | undefined;
    const look = (): void => {
      const labels = [...document.querySelectorAll('[aria-label="Status counters"] li')]
        .map((item) => item.getAttribute('aria-label'))
        .join();
      if (labels !== last && last !== undefined) times.push(performance.now());
      last = labels;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await dashboard.fill('Status-tracking event');
  await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill('3000');
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();
  await expect(dashboard.counter('completed', 3000)).toBeVisible();
  await expect(dashboard.counter('total', 3000)).toBeVisible();

  const times = await page.evaluate(
    () => (window as unknown as { __counterChanges: number[] }).__counterChanges,
  );
  const spanMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
  // At most one redraw every 100 ms (LIST_EVERY_MS), give or take the first one; a busy
  // machine only makes them rarer. Redrawn every frame, they changed 32 times where this
  // allowed 18.
  expect(times.length).toBeGreaterThan(1);
  expect(times.length).toBeLessThanOrEqual(Math.floor(spanMs / 100) + 2);
});
