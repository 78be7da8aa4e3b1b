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
