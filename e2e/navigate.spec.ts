import { expect, test } from './support/dashboard.ts';

test('a filter query narrows the list, is kept in the address and survives a reload', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('Simple event');
  await dashboard.launch('Failing event', { 'Error message': 'disk on fire' });
  await dashboard.retryFresh();
  await expect(dashboard.counter('total', 3)).toBeVisible();

  const query = dashboard.eventsPanel.getByRole('searchbox', { name: 'Search or filter' });
  await query.fill('status:failed retryable:true kind:failing error:ValueError attempt:>1');

  await expect(dashboard.rows()).toHaveCount(1);
  await expect(dashboard.rows()).toContainText('attempt 2');
  await expect(page).toHaveURL(/[?&]q=status%3Afailed/);

  await page.reload();
  await expect(query).toHaveValue(
    'status:failed retryable:true kind:failing error:ValueError attempt:>1',
  );
  await expect(dashboard.rows()).toHaveCount(1);
  await expect(
    dashboard.eventsPanel.getByRole('combobox', { name: 'Status' }).locator('option:checked'),
  ).toHaveText('failed');
});

test('a query term it cannot read is named, not ignored', async ({ dashboard }) => {
  const query = dashboard.eventsPanel.getByRole('searchbox', { name: 'Search or filter' });
  await query.fill('status:done');
  await expect(query).toHaveAttribute('aria-invalid', 'true');
  await expect(dashboard.eventsPanel).toContainText('status:done — no such status');
});

test('every event has a link that opens it after a reload and in another tab', async ({
  dashboard,
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await dashboard.launch('Simple event', { 'Return value': '"first"' });
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');
  await dashboard.rows().filter({ hasText: 'Simple event' }).click();
  await expect(dashboard.eventStatus).toHaveText('completed');
  // The inspector's "id <uuid>" line; the address follows the selection a moment later.
  const id = await dashboard.inspector.getByText(/^id /).locator('code').textContent();
  await expect(page).toHaveURL(new RegExp(`#/event/${String(id)}$`));
  const link = page.url();

  await page.reload();
  await expect(dashboard.eventStatus).toHaveText('completed');
  await expect(dashboard.inspector.getByRole('region', { name: 'Response' })).toContainText(
    '"first"',
  );

  const other = await context.newPage();
  await other.goto(link);
  await expect(
    other.getByRole('region', { name: 'Inspector' }).getByRole('status', { name: 'Event status' }),
  ).toHaveText('completed');
  await other.close();
});

test('the list is driven from the keyboard: / j k Enter r c and ?', async ({ dashboard, page }) => {
  await dashboard.launch('Slow event', { 'Delay (s)': '30' });
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');
  await page.locator('body').click({ position: { x: 2, y: 2 } });

  // The failing event, launched last, is selected and first in the list; j moves down.
  await page.keyboard.press('j');
  await expect(dashboard.rows().nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(dashboard.eventStatus).toHaveText('processing');
  await page.keyboard.press('c');
  await expect(dashboard.eventStatus).toHaveText('cancelled');
  await page.keyboard.press('k');
  await expect(dashboard.eventStatus).toHaveText('failed');

  await page.keyboard.press('r');
  await expect(
    dashboard.inspector.getByRole('heading', { name: 'Failing event · attempt 2' }),
  ).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.locator('#inspector-record')).toBeFocused();

  await page.keyboard.press('/');
  await expect(
    dashboard.eventsPanel.getByRole('searchbox', { name: 'Search or filter' }),
  ).toBeFocused();
  const outline = await page
    .getByRole('searchbox', { name: 'Search or filter' })
    .evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).toBe('solid');

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /j \/ k/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
