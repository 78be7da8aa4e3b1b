import { expect, test } from './support/dashboard.ts';

test('ten thousand events keep the list to a bounded number of rows', async ({ dashboard }) => {
  await dashboard.fill('Simple event');
  await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill('10000');
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();

  await expect(dashboard.counter('completed', 10_000)).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => dashboard.rows().count()).toBeLessThan(60);
  await expect.poll(() => dashboard.rows().count()).toBeGreaterThan(5);

  await dashboard.eventsPanel.getByRole('combobox', { name: 'Status' }).selectOption('failed');
  await expect(dashboard.rows()).toHaveCount(0);
});

test('the list filters by status, kind and text', async ({ dashboard }) => {
  await dashboard.launch('Simple event');
  await dashboard.launch('Failing event', { 'Error message': 'needle in a haystack' });
  await dashboard.launch('Null-returning event');
  await expect(dashboard.counter('total', 3)).toBeVisible();

  const status = dashboard.eventsPanel.getByRole('combobox', { name: 'Status' });
  const kind = dashboard.eventsPanel.getByRole('combobox', { name: 'Kind' });
  const search = dashboard.eventsPanel.getByRole('searchbox', { name: 'Search' });

  await status.selectOption('completed');
  await expect(dashboard.rows()).toHaveCount(2);
  await kind.selectOption({ label: 'Null-returning event' });
  await expect(dashboard.rows()).toHaveCount(1);
  await status.selectOption('all');
  await kind.selectOption('all');
  await search.fill('haystack');
  await expect(dashboard.rows()).toHaveCount(1);
  await expect(dashboard.rows()).toHaveAccessibleName(/failed.*Failing event/);
});

test('a burst leaves the list at its newest rows; moving the selection brings it into view', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');
  await dashboard.fill('Simple event');
  await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill('500');
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();
  await expect(dashboard.counter('completed', 500)).toBeVisible();

  // The selected event is now the oldest of 501: the list did not scroll after it.
  const items = dashboard.eventList.getByRole('listitem');
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  await expect(items.first()).toBeInViewport();
  await expect(dashboard.rows().filter({ hasText: 'Failing event' })).toHaveCount(0);

  // k selects the row above it, and the list brings that row into view.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('k');
  const selected = dashboard.eventList.getByRole('button', { pressed: true });
  await expect(selected).toBeInViewport();
  await expect(selected).toHaveAccessibleName(/Simple event/);
  await expect(dashboard.eventList.locator('[aria-posinset="500"]')).toBeInViewport();
});
