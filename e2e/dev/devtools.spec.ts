import type { Locator } from '@playwright/test';
import { expect, test } from '../support/dashboard.ts';

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of the visible controls a locator finds, by accessible text. */
async function boxesOf(controls: Locator): Promise<Box[]> {
  return controls.evaluateAll((elements) =>
    elements
      .map((element) => {
        const rect = element.getBoundingClientRect();
        const name = element.getAttribute('aria-label') ?? element.textContent;
        return { name, left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      })
      .filter((box) => box.right > box.left && box.bottom > box.top),
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

for (const size of [
  { name: 'a desktop', width: 1440, height: 900 },
  { name: 'a phone', width: 390, height: 844 },
]) {
  test(`the query devtools button covers no control of the dashboard on ${size.name}`, async ({
    dashboard,
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const toggle = page.getByRole('button', { name: 'Open Tanstack query devtools' });
    await expect(toggle).toBeAttached();
    await dashboard.fill('Slow event');
    await expect(dashboard.launchPanel.getByRole('button', { name: 'Launch burst' })).toBeVisible();

    const [devtools] = await boxesOf(toggle);
    const controls = (
      await boxesOf(
        page
          .getByRole('button')
          .or(page.getByRole('link'))
          .or(page.getByRole('textbox'))
          .or(page.getByRole('combobox'))
          .or(page.getByRole('radio'))
          .or(page.getByRole('checkbox')),
      )
    ).filter((control) => control.name !== 'Open Tanstack query devtools');
    expect(devtools).toBeDefined();
    expect(controls.length).toBeGreaterThan(10);
    const covered = controls.filter((control) => devtools && overlaps(devtools, control));
    expect(covered.map((control) => control.name)).toEqual([]);
    // Out of the way, still at hand.
    await toggle.scrollIntoViewIfNeeded();
    await expect(toggle).toBeInViewport();
  });
}
