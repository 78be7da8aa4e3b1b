import type { Page } from '@playwright/test';
import { DEFAULT_STORAGE_KEY, serializeHistory } from '../src/store/formats/history.ts';
import { bigLogRecords } from './support/bigLog.ts';
import { Dashboard, expect, test } from './support/dashboard.ts';

/** Launches a burst of `count` events of a kind from the form. */
async function launchBurst(dashboard: Dashboard, kindLabel: string, count: number) {
  await dashboard.fill(kindLabel);
  await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill(String(count));
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();
}

/** A second tab of the same browser profile, with the dashboard open. */
async function openSecondTab(page: Page): Promise<Dashboard> {
  const other = new Dashboard(await page.context().newPage());
  await other.open();
  return other;
}

test('two tabs launching at once share one history: after reloads every event is there exactly once in both', async ({
  dashboard,
  page,
}) => {
  const second = await openSecondTab(page);
  await Promise.all([
    launchBurst(dashboard, 'Simple event', 40),
    launchBurst(second, 'Failing event', 30),
  ]);
  for (const tab of [dashboard, second]) {
    await expect(tab.counter('total', 70)).toBeVisible();
    await expect(tab.counter('completed', 40)).toBeVisible();
    await expect(tab.counter('failed', 30)).toBeVisible();
  }

  await Promise.all([page.reload(), second.page.reload()]);

  for (const tab of [dashboard, second]) {
    // Both pages read the history in at once, on a machine that may be busy.
    await expect(tab.counter('total', 70)).toBeVisible({ timeout: 15_000 });
    await expect(tab.counter('completed', 40)).toBeVisible();
    await expect(tab.counter('failed', 30)).toBeVisible();
  }
  await second.page.close();
});

test('events of a tab closed right after they ended are there after a reload in another tab', async ({
  dashboard,
  page,
}) => {
  const second = await openSecondTab(page);
  await launchBurst(second, 'Simple event', 25);
  await expect(second.counter('completed', 25)).toBeVisible();
  await second.page.close();

  await page.reload();

  await expect(dashboard.counter('total', 25)).toBeVisible();
  await expect(dashboard.counter('completed', 25)).toBeVisible();
});

test('a tab closed the moment a burst of 2,000 ended loses none of it', async ({
  dashboard,
  page,
}) => {
  const second = await openSecondTab(page);
  await launchBurst(second, 'Simple event', 2_000);
  await expect(second.counter('completed', 2_000)).toBeVisible({ timeout: 30_000 });
  // Closed before the database took the burst: what it had not taken is kept on the way out.
  await second.page.close();

  await page.reload();

  await expect(dashboard.counter('total', 2_000)).toBeVisible({ timeout: 15_000 });
  await expect(dashboard.counter('completed', 2_000)).toBeVisible();
});

test('events of a tab that crashed right after they ended are there after a reload in another tab', async ({
  dashboard,
  page,
}) => {
  const second = await openSecondTab(page);
  await launchBurst(second, 'Failing event', 25);
  await expect(second.counter('failed', 25)).toBeVisible();
  // The renderer dies at once: no pagehide, no unload, nothing saved on the way out.
  await second.page.goto('chrome://crash').catch(() => undefined);

  await page.reload();

  await expect(dashboard.counter('total', 25)).toBeVisible();
  await expect(dashboard.counter('failed', 25)).toBeVisible();
});

test('an event running in a tab that is closed comes back interrupted in the tab still open', async ({
  dashboard,
  page,
}) => {
  const second = await openSecondTab(page);
  await second.launch('Slow event', { 'Delay (s)': '60' });
  await expect(second.eventStatus).toHaveText('processing');
  await expect(dashboard.counter('processing', 1)).toBeVisible();

  await second.page.close();

  await expect(dashboard.counter('cancelled', 1)).toBeVisible();
  await dashboard.rows().first().click();
  await expect(dashboard.inspector).toContainText('Interrupted: the page was closed or reloaded');
});

test('history saved in localStorage by an earlier version is moved over on the first load, nothing lost', async ({
  page,
}) => {
  const saved = bigLogRecords(300);
  await page.addInitScript(
    ({ key, value }) => {
      if (sessionStorage.getItem('seeded') === null) {
        sessionStorage.setItem('seeded', 'yes');
        localStorage.setItem(key, value);
      }
    },
    { key: DEFAULT_STORAGE_KEY, value: serializeHistory(saved, Date.now()) },
  );
  const dashboard = new Dashboard(page);
  await dashboard.open();
  // The first load reads the old key, writes the database and reads it back.
  await expect(dashboard.counter('total', 300)).toBeVisible({ timeout: 15_000 });
  await expect(dashboard.counter('failed', 100)).toBeVisible();
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), DEFAULT_STORAGE_KEY))
    .toBeNull();

  await page.reload();

  await expect(dashboard.counter('total', 300)).toBeVisible();
  await expect(dashboard.counter('failed', 100)).toBeVisible();
});

test('a retention limit set in the Keep panel prunes the oldest events and says how many', async ({
  dashboard,
  page,
}) => {
  await launchBurst(dashboard, 'Simple event', 60);
  await expect(dashboard.counter('completed', 60)).toBeVisible();
  await launchBurst(dashboard, 'Failing event', 100);
  await expect(dashboard.counter('total', 160)).toBeVisible();

  const limit = dashboard.keepPanel.getByRole('textbox', { name: 'Records kept' });
  await expect(limit).toHaveValue('100000');
  await limit.fill('100');
  await dashboard.keepPanel.getByRole('button', { name: 'Set limit' }).click();

  await expect(dashboard.keepPanel.getByRole('status')).toHaveText(
    'History keeps the newest 100 records.',
  );
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
    '60 records pruned: the history keeps the newest 100',
  );
  await expect(dashboard.counter('total', 100)).toBeVisible();
  await expect(dashboard.counter('failed', 100)).toBeVisible();

  await page.reload();

  await expect(dashboard.counter('total', 100)).toBeVisible();
  await expect(dashboard.keepPanel.getByRole('textbox', { name: 'Records kept' })).toHaveValue(
    '100',
  );
});

test('a refused retention limit stays in the field, marked invalid and described by the error', async ({
  dashboard,
}) => {
  const limit = dashboard.keepPanel.getByRole('textbox', { name: 'Records kept' });
  const error = /The limit must be a whole number from 100 to/;
  await expect(limit).toHaveValue('100000');

  for (const typed of ['50', 'abc']) {
    await limit.fill(typed);
    await limit.press('Enter');
    await expect(dashboard.keepPanel.getByRole('alert')).toHaveText(error);
    await expect(limit).toHaveValue(typed);
    await expect(limit).toHaveAttribute('aria-invalid', 'true');
    await expect(limit).toHaveAccessibleDescription(error);

    // A limit that is taken clears the mark, so the next refusal is a fresh one.
    await limit.fill('100000');
    await dashboard.keepPanel.getByRole('button', { name: 'Set limit' }).click();
    await expect(dashboard.keepPanel.getByRole('status')).toHaveText(
      'History keeps the newest 100,000 records.',
    );
    await expect(limit).not.toHaveAttribute('aria-invalid');
  }
});
