import { expect, test } from './support/fixtures.ts';

test('the dashboard opens with its title', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Lifecycle Lab' })).toBeVisible();
  await expect(page).toHaveTitle('Lifecycle Lab');
});
