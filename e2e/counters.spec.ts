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
