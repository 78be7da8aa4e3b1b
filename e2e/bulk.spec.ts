import { readFile } from 'node:fs/promises';
import { expect, test } from './support/dashboard.ts';

test('a shift-click ticks every row between, and "select all shown" ticks what the filter shows', async ({
  dashboard,
}) => {
  await dashboard.launch('Simple event');
  await dashboard.launch('Failing event');
  await dashboard.launch('Simple event');
  await expect(dashboard.counter('total', 3)).toBeVisible();
  const boxes = dashboard.eventList.getByRole('checkbox', { name: /^Select / });
  await expect(boxes).toHaveCount(3);

  await boxes.nth(0).click();
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  const selected = dashboard.bulkActions.getByRole('status').filter({ hasText: 'selected' });
  await expect(selected).toHaveText('3 selected');
  await expect(boxes.nth(1)).toBeChecked();

  // Space on a focused box unticks it: the list is usable from the keyboard.
  await boxes.nth(1).focus();
  await dashboard.page.keyboard.press('Space');
  await expect(selected).toHaveText('2 selected');

  await dashboard.bulkActions.getByRole('button', { name: 'Clear selection' }).click();
  await dashboard.eventsPanel
    .getByRole('searchbox', { name: 'Search or filter' })
    .fill('kind:simple');
  await dashboard.bulkActions.getByRole('checkbox', { name: 'Select all 2 shown' }).check();
  await expect(selected).toHaveText('2 selected');
});

test('"retry all retryable failed" previews how many of which kinds, and retries only on confirm', async ({
  dashboard,
}) => {
  await dashboard.launch('Failing event');
  await dashboard.launch('Failing event');
  // One flaky event failing with a ConnectionError (retryable), one with a ValidationError.
  await dashboard.launch('Flaky event', { 'Failure rate': '1' });
  await dashboard.launchPanel
    .getByRole('combobox', { name: 'Error kind' })
    .selectOption('validation');
  await dashboard.launchPanel.getByRole('button', { name: 'Launch', exact: true }).click();
  await dashboard.launch('Simple event');
  await expect(dashboard.counter('failed', 4)).toBeVisible();

  await dashboard.bulkActions.getByRole('checkbox', { name: 'Select all 5 shown' }).check();
  await dashboard.bulkActions.getByRole('button', { name: 'Retry all retryable failed…' }).click();
  const preview = dashboard.bulkActions.getByRole('group', { name: 'Retry preview' });
  await expect(preview).toContainText(
    '3 failed events will be retried fresh: 2 × Failing event, 1 × Flaky event. Left out: 1 not retryable.',
  );
  await expect(dashboard.counter('total', 5)).toBeVisible();

  await preview.getByRole('button', { name: 'Back' }).click();
  await expect(preview).toBeHidden();
  await expect(dashboard.counter('total', 5)).toBeVisible();

  await dashboard.bulkActions.getByRole('button', { name: 'Retry all retryable failed…' }).click();
  await preview.getByRole('button', { name: 'Retry 3 events' }).click();
  await expect(dashboard.bulkActions.getByRole('status').last()).toHaveText(
    'Retried 3 events fresh.',
  );
  await expect(dashboard.counter('total', 8)).toBeVisible();
});

test('"cancel all running" cancels the selected running events and says how many', async ({
  dashboard,
}) => {
  await dashboard.fill('Slow event', { 'Delay (s)': '30' });
  await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill('3');
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();
  await dashboard.launch('Simple event');
  await expect(dashboard.counter('processing', 3)).toBeVisible();

  await dashboard.bulkActions.getByRole('checkbox', { name: 'Select all 4 shown' }).check();
  await dashboard.bulkActions.getByRole('button', { name: 'Cancel all running (3)' }).click();

  await expect(dashboard.counter('cancelled', 3)).toBeVisible();
  await expect(dashboard.counter('completed', 1)).toBeVisible();
  await expect(dashboard.bulkActions.getByRole('status').last()).toHaveText(
    'Cancelled 3 running events.',
  );
  await expect(
    dashboard.bulkActions.getByRole('button', { name: 'Cancel all running (0)' }),
  ).toBeDisabled();
});

test('the selection exports in the chosen format', async ({ dashboard, page }) => {
  await dashboard.launch('Simple event');
  await dashboard.launch('Failing event');
  await expect(dashboard.counter('total', 2)).toBeVisible();
  await dashboard.eventList.getByRole('checkbox', { name: /^Select Failing event/ }).check();

  await dashboard.bulkActions
    .getByRole('combobox', { name: 'Export format' })
    .selectOption({ label: 'lionherd log' });
  const download = page.waitForEvent('download');
  await dashboard.bulkActions.getByRole('button', { name: 'Export selection' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^lionherd-events-.*\.json$/);
  const written = JSON.parse(await readFile(await file.path(), 'utf8')) as unknown[];
  expect(written).toHaveLength(1);
  await expect(dashboard.bulkActions.getByRole('status').last()).toHaveText(
    'Exported 1 event as lionherd log.',
  );
});

test('a retry chain is one group under its newest attempt, opened and closed from the list', async ({
  dashboard,
}) => {
  await dashboard.launch('Failing event');
  await dashboard.retryFresh();
  await expect(dashboard.inspector).toContainText('attempt 2');
  await dashboard.retryFresh();
  await expect(dashboard.counter('total', 3)).toBeVisible();

  await expect(dashboard.rows()).toHaveCount(1);
  await expect(dashboard.rows()).toContainText('attempt 3 of 3');
  await dashboard.eventList.getByRole('button', { name: 'Show 2 earlier attempts' }).click();
  await expect(dashboard.rows()).toHaveCount(3);
  await expect(dashboard.rows().nth(1)).toContainText('attempt 2 of 3');
  await expect(dashboard.rows().nth(2)).toContainText('attempt 1 of 3');

  // A filter that keeps two of the attempts keeps them in one group.
  await dashboard.eventsPanel
    .getByRole('searchbox', { name: 'Search or filter' })
    .fill('attempt:<3');
  await expect(dashboard.rows()).toHaveCount(2);
  await expect(dashboard.rows().nth(0)).toContainText('attempt 2 of 3');
  await dashboard.eventsPanel.getByRole('searchbox', { name: 'Search or filter' }).fill('');

  await dashboard.eventList.getByRole('button', { name: 'Hide 2 earlier attempts' }).click();
  await expect(dashboard.rows()).toHaveCount(1);

  // Opening an earlier attempt from the inspector's chain opens its group in the list.
  await dashboard.attemptChain.getByRole('link', { name: 'Attempt 1' }).click();
  await expect(dashboard.rows()).toHaveCount(3);
  await expect(dashboard.rows().nth(2)).toHaveAttribute('aria-pressed', 'true');
});
