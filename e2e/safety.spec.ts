import { expect, test } from './support/dashboard.ts';

const MARKUP = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>';

test('markup in error messages and responses is shown as text and never runs', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('Failing event', { 'Error message': MARKUP });
  await expect(dashboard.eventStatus).toHaveText('failed');
  await expect(dashboard.errorTree.getByRole('treeitem')).toHaveAccessibleName(
    `ValueError: ${MARKUP} ↻ retryable (by rule)`,
  );

  await dashboard.launch('Simple event', { 'Return value': JSON.stringify(MARKUP) });
  await expect(dashboard.eventStatus).toHaveText('completed');
  // Shown as JSON, exactly as the response holds it.
  await expect(dashboard.inspector.getByRole('region', { name: 'Response' })).toContainText(
    JSON.stringify(MARKUP),
  );

  await expect(page.getByRole('img', { name: 'x' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
});
