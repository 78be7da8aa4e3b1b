import { fileURLToPath } from 'node:url';
import { expect, test } from './support/dashboard.ts';

const NOTEBOOK_SAMPLE = fileURLToPath(
  new URL('../public/samples/lionherd-notebook-run.json', import.meta.url),
);

test('a failed event’s verdict is stated positively with lionherd’s rule named, and runs of _invoke are explained', async ({
  dashboard,
}) => {
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');
  await expect(
    dashboard.inspector.getByText(
      "Verdict: retryable — an error that says nothing about retrying counts as retryable (lionherd's rule)",
      { exact: false },
    ),
  ).toBeVisible();
  await dashboard.inspector.getByText('What are these?').click();
  await expect(dashboard.inspector.getByText(/runs at most once/)).toBeVisible();
});

test('a duration reads the same in the list row and in the inspector', async ({ dashboard }) => {
  await dashboard.launch('Slow event', { 'Delay (s)': '0.2' });
  await expect(dashboard.eventStatus).toHaveText('completed');
  const summary = await dashboard.inspector
    .getByText(/ran for /)
    .first()
    .textContent();
  const duration = /ran for (\d[\d.,]* (?:ms|s))/.exec(summary ?? '')?.[1];
  expect(duration).toBeDefined();
  await expect(dashboard.rows().first()).toContainText(duration ?? '');
});

test('status and source icons are text glyphs, never emoji that need an emoji font', async ({
  dashboard,
  page,
}) => {
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(NOTEBOOK_SAMPLE);
  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 12 events');
  await dashboard.rows().filter({ hasText: 'MultiErrorEvent' }).click();
  await expect(dashboard.inspector.getByText('READ-ONLY')).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text.match(/[\u{1F000}-\u{1FAFF}]/gu) ?? []).toEqual([]);
});
