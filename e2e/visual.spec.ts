import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

/**
 * Screenshots of the main views compared with the committed baselines. Stable by
 * construction: the data is the shipped lionherd sample (fixed times and durations), the
 * fonts are the system's, animations are stopped and the caret hidden by `toHaveScreenshot`.
 * Baselines are per platform; regenerate with `--update-snapshots` after a deliberate change.
 */

const NOTEBOOK_SAMPLE = fileURLToPath(
  new URL('../public/samples/lionherd-notebook-run.json', import.meta.url),
);

test.describe.configure({ timeout: 60_000 });

async function inspectImportedAggregate(page: Page): Promise<void> {
  const keep = page.getByRole('region', { name: 'Keep' });
  await keep.getByLabel('Import log').setInputFiles(NOTEBOOK_SAMPLE);
  await expect(keep.getByRole('status')).toContainText('Imported 12 events');
  await page
    .getByRole('region', { name: 'Events' })
    .getByRole('list', { name: 'Events' })
    .getByRole('button', { name: /MultiErrorEvent/ })
    .click();
  await expect(page.getByRole('tree', { name: 'Error tree' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy JSON' })).toBeVisible();
}

const SHOT = { fullPage: false, maxDiffPixelRatio: 0.01 } as const;

async function desktopShot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Launch' })).toBeVisible();
  await inspectImportedAggregate(page);
  await expect(page).toHaveScreenshot(name, SHOT);
}

test('desktop, light: an imported aggregate error in the inspector', async ({ page }) => {
  await desktopShot(page, 'desktop-light.png');
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });

  test('desktop, dark: an imported aggregate error in the inspector', async ({ page }) => {
    await desktopShot(page, 'desktop-dark.png');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('phone: the empty dashboard, then the inspector sheet', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Launch' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Events' })).toContainText('No events yet');
    await expect(page).toHaveScreenshot('phone-empty.png', SHOT);
    await inspectImportedAggregate(page);
    await expect(page).toHaveScreenshot('phone-sheet.png', SHOT);
  });
});
