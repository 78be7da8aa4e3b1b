import { expect, test } from './support/dashboard.ts';

test('a timed-out event shows cancelled, TimeoutError and how long it was allowed', async ({
  dashboard,
}) => {
  await dashboard.launch('Slow event', { 'Delay (s)': '5', 'Timeout (s)': '0.2' });

  await expect(dashboard.eventStatus).toHaveText('cancelled');
  const root = dashboard.errorTree.getByRole('treeitem').first();
  await expect(root).toHaveAccessibleName(/TimeoutError: Operation timed out after 0\.2s/);
  await expect(root).toHaveAccessibleName(/retryable/);
  await expect(
    dashboard.inspector
      .getByRole('list', { name: 'Transition timeline' })
      .getByRole('listitem')
      .last(),
  ).toContainText('cancelled — timed out: Operation timed out after 0.2s');
});

test('cancelling a processing slow event ends it cancelled at once', async ({ dashboard }) => {
  await dashboard.launch('Slow event', { 'Delay (s)': '30' });
  await expect(dashboard.eventStatus).toHaveText('processing');

  await dashboard.inspector.getByRole('button', { name: 'Cancel' }).click();

  await expect(dashboard.eventStatus).toHaveText('cancelled', { timeout: 2_000 });
  await expect(dashboard.inspector.getByRole('button', { name: 'Cancel' })).toBeHidden();
  await expect(dashboard.counter('cancelled', 1)).toBeVisible();
});

test('the lifecycle diagram lights the current state and tells the path taken', async ({
  dashboard,
}) => {
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');

  const diagram = dashboard.page
    .getByRole('region', { name: 'Lifecycle' })
    .getByRole('img', { name: /Lifecycle diagram/ });
  await expect(diagram).toHaveAccessibleName(
    /Path taken: pending → processing → failed\. Current state: failed\./,
  );
});

test("the current state's label fits inside its box in the diagram", async ({ dashboard }) => {
  const diagram = dashboard.page
    .getByRole('region', { name: 'Lifecycle' })
    .getByRole('img', { name: /Lifecycle diagram/ });
  // Labels wider than their box, whose ends are drawn over its border or past it.
  const overflowing = (): Promise<string[]> =>
    diagram.evaluate((svg) =>
      [...svg.querySelectorAll('g')].flatMap((node) => {
        const box = node.querySelector('rect');
        const label = node.querySelector('text');
        if (box === null || label === null) return [];
        return label.getBBox().width > box.getBBox().width - 6 ? [label.textContent] : [];
      }),
    );

  await dashboard.launch('Slow event', { 'Delay (s)': '30' });
  await expect(diagram).toHaveAccessibleName(/Current state: processing\./);
  expect(await overflowing()).toEqual([]);
  await dashboard.inspector.getByRole('button', { name: 'Cancel' }).click();
  await expect(diagram).toHaveAccessibleName(/Current state: cancelled\./);
  expect(await overflowing()).toEqual([]);
  await dashboard.launch('Simple event');
  await expect(diagram).toHaveAccessibleName(/Current state: completed\./);
  expect(await overflowing()).toEqual([]);
});

test('the timeline lists every transition with its time from the start', async ({ dashboard }) => {
  await dashboard.launch('Status-tracking event');
  await expect(dashboard.eventStatus).toHaveText('completed');

  const steps = dashboard.inspector
    .getByRole('list', { name: 'Transition timeline' })
    .getByRole('listitem');
  await expect(steps).toHaveText([
    /^\+0 ms\s*.*pending/,
    /processing/,
    /^\+[\d.]+ m?s\s*completed$/,
  ]);
});
