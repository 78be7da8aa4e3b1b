import { expect, test } from './support/dashboard.ts';

// Two launches, a chunk fetched on the first click and a live bar: slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('the waterfall draws a bar per event that grows while it runs, and a brush zooms into it', async ({
  dashboard,
  page,
}) => {
  await dashboard.eventsPanel.getByRole('tab', { name: 'Waterfall' }).click();
  await dashboard.launch('Simple event');
  await dashboard.launch('Slow event', { 'Delay (s)': '4' });

  const waterfall = dashboard.eventsPanel.getByRole('list', { name: 'Waterfall' });
  const slow = waterfall.getByRole('button', { name: /^Slow event, attempt 1/ });
  await expect(slow).toHaveAccessibleName(/processing \(still going\): waiting \+[\d.]+ m?s to/, {
    timeout: 15_000,
  });
  await expect(slow).toHaveAccessibleName(
    /completed: waiting .*; running \+[\d.]+ \w+ to \+[\d.]+ s$/,
    {
      timeout: 10_000,
    },
  );
  await expect(
    waterfall.getByRole('button', { name: /^Simple event, attempt 1, completed/ }),
  ).toBeVisible();

  // Drag across the left half of the bars: the view zooms to that range.
  const brush = page.getByTestId('waterfall-brush');
  const box = await brush.boundingBox();
  if (box === null) throw new Error('the brush area is not on screen');
  await page.mouse.move(box.x + 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 4, box.y + 12, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + 12, { steps: 4 });
  await page.mouse.up();
  await expect(
    dashboard.eventsPanel.getByText(/^Zoomed to \+\d+ ms – \+[\d.]+ \w+\.$/),
  ).toBeVisible();

  await dashboard.eventsPanel.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(dashboard.eventsPanel.getByText(/^All 2 events/)).toBeVisible();

  // A row is a button: choosing it opens the event in the inspector.
  await slow.click();
  await expect(dashboard.inspector.getByText('Slow event · attempt 1')).toBeVisible();
});
