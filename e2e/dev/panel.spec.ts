import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/fixtures.ts';

/**
 * The in-app panel in a user's own page (examples/panel/): the page creates events, the panel
 * lists them. The page allows only `style-src 'self'`, the dashboard's style policy, so a
 * refused style would fail the test as a console error.
 */
test.beforeEach(async ({ page }) => {
  await page.goto('/examples/panel/');
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  // The panel is loaded lazily; it watches from the moment its toggle shows.
  await expect(page.getByRole('button', { name: 'Lifecycle events 0' })).toBeVisible();
});

test('the panel opens from its toggle, by keyboard, and lists the page’s events', async ({
  page,
}) => {
  const toggle = page.getByRole('button', { name: /^Lifecycle events/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Load cart' }).click();

  await toggle.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Lifecycle events' });
  await expect(panel).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const row = panel
    .getByRole('list', { name: 'Events, newest first' })
    .getByRole('listitem', { name: 'load cart' });
  await expect(row).toContainText('completed');
  await expect(row).toContainText(/\d+ ms/);

  // Tab walks the panel's controls in reading order; Enter works each one.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Clear' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Show JSON' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByLabel('toDict() of load cart')).toContainText('"response": {');
  await page.keyboard.press('Tab');
  await expect(row.getByLabel('toDict() of load cart')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('a failed event shows its error and verdict, and can be retried fresh', async ({ page }) => {
  await page.getByRole('button', { name: /^Lifecycle events/ }).click();
  const list = page.getByRole('list', { name: 'Events, newest first' });
  await page.getByRole('button', { name: 'Charge card' }).click();

  const failed = list.getByRole('listitem', { name: 'charge card' });
  await expect(failed).toContainText('failed');
  await expect(failed).toContainText('ConnectionError: card network unreachable');
  await expect(
    failed.getByText("retryable: ConnectionError 'card network unreachable' is retryable"),
  ).toBeVisible();
  await failed.getByRole('button', { name: 'Show JSON' }).click();
  await expect(failed.getByRole('button', { name: 'Hide JSON' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(failed.getByLabel('toDict() of charge card')).toContainText('"status": "failed"');

  // axe reads into open shadow roots: the open panel, with its JSON shown, passes it.
  const results = await new AxeBuilder({ page }).include('[data-lifecycle-panel]').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  expect(results.passes.map((rule) => rule.id)).toEqual(
    expect.arrayContaining(['button-name', 'color-contrast', 'listitem']),
  );

  await failed.getByRole('button', { name: 'Retry fresh' }).click();
  const attempts = list.getByRole('listitem', { name: 'charge card' });
  await expect(attempts).toHaveCount(2);
  const fresh = attempts.first();
  await expect(fresh).toContainText('completed');
  await expect(fresh.getByRole('button', { name: 'Retry fresh' })).toHaveCount(0);
  await fresh.getByRole('button', { name: 'Show JSON' }).click();
  await expect(fresh.getByLabel('toDict() of charge card')).toContainText('"original"');
  await expect(fresh.getByLabel('toDict() of charge card')).toContainText('"status": "completed"');
});

test('the list stays bounded and says how many older events it dropped', async ({ page }) => {
  await page.getByRole('button', { name: /^Lifecycle events/ }).click();
  await page.getByRole('button', { name: 'Load cart' }).click();
  await page.getByRole('button', { name: 'Load 120 recommendations' }).click();

  const panel = page.getByRole('region', { name: 'Lifecycle events' });
  await expect(panel).toContainText('50 events, 71 older events dropped');
  const rows = panel.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toHaveAccessibleName('recommendation 119');
  await expect(rows.last()).toHaveAccessibleName('recommendation 70');
});

test.describe('under the page’s strict style policy', () => {
  // The one refused style below is this test's own probe; the panel's are counted separately.
  test.use({ expectedConsoleErrors: [/Applying inline style violates/] });

  test('the panel styles itself, refused nothing, and keeps its styles to itself', async ({
    page,
  }) => {
    const violations = (): Promise<string[]> =>
      page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (violation) => {
        seen.push(violation.violatedDirective);
      });
    });
    await page.reload();
    await expect(page.getByRole('button', { name: 'Lifecycle events 0' })).toBeVisible();
    const toggle = page.getByRole('button', { name: /^Lifecycle events/ });
    await toggle.click();
    await expect(page.getByRole('region', { name: 'Lifecycle events' })).toBeVisible();
    // Styled (a dark pill) although the page refuses inline <style> …
    await expect(toggle).toHaveCSS('border-radius', '16px');
    await expect(toggle).toHaveCSS('background-color', 'rgb(27, 31, 36)');
    expect(await violations()).toEqual([]);
    // … and nothing added to the page's own styles.
    const pageStyles = await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      buttonPosition: getComputedStyle(document.querySelector('main button') ?? document.body)
        .position,
    }));
    expect(pageStyles).toEqual({ sheets: 0, adopted: 0, buttonPosition: 'static' });

    // The policy is in force: an inline <style> is refused.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red; }';
      document.head.append(style);
    });
    await expect.poll(violations).toEqual(['style-src-elem']);
  });
});

test('unmounting the panel lets go of the page; mounting it again starts afresh', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Load cart' }).click();
  const toggle = page.getByRole('button', { name: /^Lifecycle events/ });
  await expect(toggle).toHaveAccessibleName('Lifecycle events 1');
  await page.getByRole('checkbox', { name: 'Show the Lifecycle Lab panel' }).uncheck();
  await expect(toggle).toHaveCount(0);
  await page.getByRole('button', { name: 'Load cart' }).click();

  await page.getByRole('checkbox', { name: 'Show the Lifecycle Lab panel' }).check();
  await expect(toggle).toHaveAccessibleName('Lifecycle events 0');
  await toggle.click();
  await expect(page.getByRole('region', { name: 'Lifecycle events' })).toContainText(
    'No events created since the panel was mounted.',
  );
});
