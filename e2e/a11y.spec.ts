import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/dashboard.ts';

// axe walks the whole page; give it room on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${String(violation.nodes.length)})`);
}

test('the empty dashboard has no serious accessibility violations', async ({ dashboard, page }) => {
  await expect(dashboard.launchPanel).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dashboard inspecting a failed aggregate has no serious accessibility violations', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('Slow event', { 'Delay (s)': '0.1' });
  await dashboard.launch('Multi-error event');
  await expect(dashboard.errorTree).toBeVisible();
  await dashboard.inspector.getByRole('button', { name: 'Copy JSON' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dashboard is usable from the keyboard with a visible focus', async ({
  dashboard,
  page,
}) => {
  await dashboard.launchPanel.getByRole('radio', { name: 'Simple event' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dashboard.launchPanel.getByRole('radio', { name: 'Failing event' })).toBeChecked();
  const launch = dashboard.launchPanel.getByRole('button', { name: 'Launch', exact: true });
  await launch.focus();
  await page.keyboard.press('Enter');
  await expect(dashboard.eventStatus).toHaveText('failed');
  const outline = await launch.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).toBe('solid');
});
