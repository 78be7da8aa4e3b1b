import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { Dashboard } from './support/dashboard.ts';
import { expect, test } from './support/fixtures.ts';

/** The lesson links of the README's "Lessons" section, as written there. */
function readmeLessonLinks(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = /^## Lessons\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/http:\/\/127\.0\.0\.1:5173\/(#lesson=\S+)/g)].map(
    (match) => match[1] ?? '',
  );
}

const links = readmeLessonLinks();

/** What opening each README link shows, by its hash. */
const EXPECTATIONS: Record<string, (page: Page) => Promise<void>> = {
  '#lesson=1&kind=slow&p.delay=1&p.timeout=0.05&clock=lesson&speed=1&paused=1': async (page) => {
    const clock = page.getByRole('group', { name: 'Clock' });
    await expect(new Dashboard(page).eventStatus).toHaveText('processing');
    await expect(clock.getByText('next in 0.050 s')).toBeVisible();
    await clock.getByRole('button', { name: 'Step' }).click();
    await expect(new Dashboard(page).eventStatus).toHaveText('cancelled');
  },
  '#lesson=1&kind=slow&p.delay=1&p.timeout=0.5&clock=lesson&speed=0.1': async (page) => {
    const clock = page.getByRole('group', { name: 'Clock' });
    await expect(clock.getByRole('combobox', { name: 'Speed' })).toHaveValue('0.1');
    await expect(new Dashboard(page).eventStatus).toHaveText('processing');
  },
  '#lesson=1&kind=flaky&p.failureRate=0.5&p.seed=3': async (page) => {
    await expect(new Dashboard(page).eventStatus).toHaveText(/completed|failed/);
  },
  '#lesson=1&kind=flaky&p.failureRate=0.5&p.seed=3&count=20': async (page) => {
    const counters = new Dashboard(page).eventsPanel.getByRole('list', { name: 'Status counters' });
    await expect(counters.getByRole('listitem', { name: 'total: 20', exact: true })).toBeVisible();
    await expect(counters.getByRole('listitem', { name: /^processing: / })).toHaveAccessibleName(
      'processing: 0',
    );
    // Twenty draws from twenty seeds: both outcomes turn up, not twenty copies of one.
    await expect(counters.getByRole('listitem', { name: /^failed: / })).not.toHaveAccessibleName(
      /^failed: (0|20)$/,
    );
  },
  '#lesson=1&tour=4': async (page) => {
    const tour = page.getByRole('region', { name: 'Guided tour: the lionherd Event notebook' });
    await expect(tour.getByRole('heading', { name: 'Timeout', level: 4 })).toBeVisible();
    await expect(tour.getByRole('form', { name: 'Predict' })).toBeVisible();
  },
};

test('the README lists the lesson links this test opens', () => {
  expect(links.length).toBeGreaterThanOrEqual(4);
  expect(links.filter((hash) => !(hash in EXPECTATIONS))).toEqual([]);
});

for (const hash of links) {
  test(`the README lesson link ${hash} opens its lesson`, async ({ page }) => {
    await page.goto(`/${hash}`);
    const check = EXPECTATIONS[hash];
    if (check === undefined) throw new Error(`no expectation for ${hash}`);
    await check(page);
    await expect(
      page
        .getByRole('region', { name: 'Notices' })
        .getByText(/cannot be opened|could not be launched/),
    ).toHaveCount(0);
  });
}
