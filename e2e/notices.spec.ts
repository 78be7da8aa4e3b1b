import { Dashboard, expect, test } from './support/dashboard.ts';

test('corrupted saved history is set aside with a notice that can be dismissed', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded') === null) {
      sessionStorage.setItem('seeded', 'yes');
      localStorage.setItem('lifecycle-lab:history', '{"version": 1, "records": [oops');
    }
  });
  const dashboard = new Dashboard(page);
  await dashboard.open();

  const notices = page.getByRole('region', { name: 'Notices' });
  const notice = notices.getByRole('listitem');
  await expect(notice).toContainText('Saved history could not be read');
  await expect(dashboard.counter('total', 0)).toBeVisible();

  await notice.getByRole('button', { name: /^Dismiss/ }).click();

  await expect(notices.getByRole('listitem')).toHaveCount(0);
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');
});

test('when storage refuses to save, the dashboard keeps working in memory and says so', async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('writes are blocked', 'SecurityError');
    };
  });
  const dashboard = new Dashboard(page);
  await dashboard.open();

  await dashboard.launch('Simple event');

  await expect(dashboard.eventStatus).toHaveText('completed');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
    'History is kept in memory only for now: the browser refused to open its database (writes are blocked)',
  );
  await expect(dashboard.keepPanel).toContainText('History is kept in memory only');
});
