import { expect, test } from './support/dashboard.ts';

test('two attempts of a chain compare side by side, differences named and diffed as text', async ({
  dashboard,
}) => {
  await dashboard.launch('Failing event', { 'Error message': 'disk on fire' });
  await dashboard.retryFresh();
  await expect(dashboard.inspector).toContainText('attempt 2');

  const compare = dashboard.attemptChain.getByRole('region', { name: 'Compare attempts' });
  await expect(compare.getByRole('combobox', { name: 'First attempt' })).toHaveValue(/.+/);
  await expect(
    compare.getByRole('combobox', { name: 'First attempt' }).locator('option:checked'),
  ).toHaveText('Attempt 1 (failed)');
  await expect(
    compare.getByRole('combobox', { name: 'Second attempt' }).locator('option:checked'),
  ).toHaveText('Attempt 2 (failed)');
  const table = compare.getByRole('table');
  await expect(table.getByRole('row', { name: /^error message · same/ })).toContainText(
    'disk on fire',
  );
  await expect(table.getByRole('row', { name: /^metadata · differs/ })).toBeVisible();
  await expect(compare.getByLabel('Changes in metadata')).toContainText('+   "original": {');

  await compare.getByRole('combobox', { name: 'Second attempt' }).selectOption({ index: 0 });
  await expect(compare.getByRole('status')).toHaveText('The same attempt on both sides.');
});

test.describe('on a 360 × 640 phone', () => {
  test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

  test('a long value wraps in its column and scrolls from the keyboard', async ({
    dashboard,
    page,
  }) => {
    const message = 'the disk is on fire again '.repeat(30).trim();
    await dashboard.launch('Failing event', { 'Error message': message });
    await dashboard.retryFresh();
    await expect(dashboard.inspector).toContainText('attempt 2');

    const compare = dashboard.attemptChain.getByRole('region', { name: 'Compare attempts' });
    const cell = compare.getByLabel('error message in attempt 2', { exact: true });
    await expect(cell).toContainText('the disk is on fire again');
    // Nothing is cut at the side: the text wraps inside its column.
    expect(await cell.evaluate((pre) => pre.scrollWidth - pre.clientWidth)).toBe(0);
    // The rest, below the cell's height, is reached from the keyboard.
    expect(await cell.evaluate((pre) => pre.scrollHeight > pre.clientHeight)).toBe(true);
    await cell.focus();
    await expect(cell).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect.poll(() => cell.evaluate((pre) => pre.scrollTop)).toBeGreaterThan(0);
  });
});
