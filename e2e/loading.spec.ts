import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

/**
 * Largest total layout shift allowed while the page loads (the Cumulative Layout Shift score;
 * web.dev's "good" ends at 0.1, and one bar of the list moving down a line scores about 0.003).
 * Parts that arrive late take their room from the start, so nothing should move at all.
 */
const MAX_LOAD_SHIFT = 0.001;

/** How long each chunk and fetch that follows the first render is held back. */
const LATE_MS = 700;

/** Opens the dashboard, adding up every layout shift from its first paint, not only the first few. */
async function openCountingShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    Object.assign(window, { layoutShiftScore: 0, layoutShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as PerformanceEntry & {
          value: number;
          sources?: {
            node?: Node | null;
            previousRect: DOMRectReadOnly;
            currentRect: DOMRectReadOnly;
          }[];
        };
        (window as unknown as { layoutShiftScore: number }).layoutShiftScore += shift.value;
        for (const source of shift.sources ?? []) {
          const name =
            source.node instanceof Element ? source.node.className : String(source.node?.nodeName);
          shifts.push(
            `${shift.value.toFixed(4)} ${name}: y ${String(Math.round(source.previousRect.y))} → ${String(Math.round(source.currentRect.y))}`,
          );
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Every part that comes later comes a good while later, so its placeholder is surely drawn.
  await page.route(/\/assets\/(?!index-)[^/]+\.js$|\/catalogue\.json$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, LATE_MS));
    await route.continue();
  });
  await page.goto('/');
}

/** Waits for every part of the page that comes in a chunk or a fetch of its own. */
async function waitForLateParts(page: Page): Promise<void> {
  await expect(page.getByRole('group', { name: 'Clock' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.getByText('With the default parameters it ends')).toBeVisible();
  const keep = page.getByRole('region', { name: 'Keep' });
  await expect(keep.getByText('Loading…')).toHaveCount(0);
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.getByText('Loading…')).toHaveCount(0);
  // Shifts are reported after the frame that makes them.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

async function loadShift(page: Page): Promise<{ score: number; shifts: string[] }> {
  return page.evaluate(() => {
    const { layoutShiftScore, layoutShifts } = window as unknown as {
      layoutShiftScore: number;
      layoutShifts: string[];
    };
    return { score: layoutShiftScore, shifts: layoutShifts };
  });
}

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the page holds still while its late parts arrive, so a tap lands where it was aimed', async ({
    page,
  }) => {
    await openCountingShifts(page);
    await waitForLateParts(page);
    const { score, shifts } = await loadShift(page);
    expect(score, shifts.join('\n')).toBeLessThan(MAX_LOAD_SHIFT);
  });
});

test('on a desktop, the page holds still while its late parts arrive', async ({ page }) => {
  await openCountingShifts(page);
  await expect(page.getByRole('img', { name: /lifecycle/i })).toBeVisible();
  await waitForLateParts(page);
  const { score, shifts } = await loadShift(page);
  expect(score, shifts.join('\n')).toBeLessThan(MAX_LOAD_SHIFT);
});
