import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Dashboard } from './support/dashboard.ts';

const NOTEBOOK_SAMPLE = 'public/samples/lionherd-notebook-run.json';

/** How far the page scrolls sideways; 0 when everything fits the window's width. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * The text of the elements matching `selector` inside `box` that runs past its right edge,
 * measured by the text itself, not by the element's box (text can spill out of its box).
 */
async function textPastRightEdge(box: Locator, selector: string): Promise<(string | null)[]> {
  return box.evaluate((outer, sel) => {
    const right = outer.getBoundingClientRect().right;
    return [...outer.querySelectorAll(sel)]
      .filter((element) => {
        const text = document.createRange();
        text.selectNodeContents(element);
        return text.getBoundingClientRect().right > right + 0.5;
      })
      .map((element) => element.textContent);
  }, selector);
}

/** A failing event and its fresh retry, the retry shown in the inspector. */
async function failedAndRetried(dashboard: Dashboard): Promise<void> {
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');
  await dashboard.retryFresh();
  await expect(dashboard.attemptChain).toContainText('Attempt 2');
}

/** WCAG 2.5.8: a target a thumb can hit without catching the one beside it. */
const MIN_TARGET_PX = 24;

/** The named targets among `targets` smaller than {@link MIN_TARGET_PX} either way, with their size. */
async function smallTargets(targets: Locator): Promise<string[]> {
  const small: string[] = [];
  for (const target of await targets.all()) {
    const box = await target.boundingBox();
    if (box === null || (box.width >= MIN_TARGET_PX && box.height >= MIN_TARGET_PX)) continue;
    const name = (await target.getAttribute('aria-label')) ?? (await target.textContent());
    small.push(
      `${String(name).trim()}: ${String(Math.round(box.width))} × ${String(Math.round(box.height))}`,
    );
  }
  return small;
}

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('launching opens the inspector as a sheet over the list, and Back returns to it', async ({
    dashboard,
    page,
  }) => {
    expect(await sidewaysOverflow(page)).toBe(0);
    await expect(dashboard.inspector).toBeHidden();

    await dashboard.launch('Failing event');

    await expect(dashboard.eventStatus).toHaveText('failed');
    await expect(dashboard.eventStatus).toBeInViewport();
    expect(await sidewaysOverflow(page)).toBe(0);

    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect(dashboard.inspector).toBeHidden();
    const row = dashboard.rows().first();
    await expect(row).toContainText('failed');
    await expect(row).toContainText('Failing event');
    expect(await sidewaysOverflow(page)).toBe(0);

    await row.click();
    await expect(dashboard.eventStatus).toBeInViewport();
  });

  test('with the keyboard, focus moves onto the sheet and back to where it was', async ({
    dashboard,
    page,
  }) => {
    const launch = dashboard.launchPanel.getByRole('button', { name: 'Launch', exact: true });
    const back = page.getByRole('button', { name: 'Back to the list' });
    await launch.focus();
    await page.keyboard.press('Enter');
    await expect(dashboard.eventStatus).toHaveText('completed');
    await expect(back).toBeFocused();
    // Shift+Tab does not go back under the sheet, to the list it covers, nor to the skip link.
    await page.keyboard.press('Shift+Tab');
    await expect(dashboard.eventsPanel.locator(':focus')).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: 'Skip to the events', includeHidden: true }),
    ).not.toBeFocused();
    await back.focus();

    await page.keyboard.press('Escape');
    await expect(dashboard.inspector).toBeHidden();
    await expect(launch).toBeFocused();

    const row = dashboard.rows().first();
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(back).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dashboard.inspector).toBeHidden();
    await expect(row).toBeFocused();
  });

  test('a learner can retry and take the tour without sideways scrolling', async ({
    dashboard,
    page,
  }) => {
    await failedAndRetried(dashboard);
    await expect(dashboard.eventStatus).toHaveText('failed');
    await expect(dashboard.eventStatus).toBeInViewport();
    expect(await sidewaysOverflow(page)).toBe(0);

    await page.getByRole('button', { name: 'Back to the list' }).click();
    await page.getByRole('button', { name: 'Start the tour' }).click();
    const tour = page.getByRole('region', { name: 'Guided tour: the lionherd Event notebook' });
    await expect(tour.getByRole('heading', { name: 'Construction & invocation' })).toBeVisible();
    await tour.getByRole('button', { name: 'Show the answer' }).click();
    await expect(tour.getByRole('table', { name: 'Output' })).toBeVisible();
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  test('buttons, disclosures and row checkboxes are targets of at least 24 × 24 pixels', async ({
    dashboard,
    page,
  }) => {
    await failedAndRetried(dashboard);
    // The inspector's: the attempt chain's Copy buttons and metadata, the glossary, the JSON.
    await expect(dashboard.attemptChain.getByRole('button', { name: /^Copy/ })).toHaveCount(2);
    expect(await smallTargets(dashboard.inspector.getByRole('button'))).toEqual([]);
    expect(await smallTargets(dashboard.inspector.locator('summary'))).toEqual([]);

    await page.getByRole('button', { name: 'Back to the list' }).click();
    // The list's: each row's checkbox, and the toggle of a retry chain.
    await expect(
      dashboard.eventsPanel.getByRole('button', { name: /earlier attempt/ }),
    ).toBeVisible();
    expect(await smallTargets(dashboard.eventsPanel.getByRole('button'))).toEqual([]);
    expect(
      // "Select all N shown" is a whole label's width; the rows' checkboxes stand alone.
      await smallTargets(dashboard.eventsPanel.getByRole('checkbox', { name: /, attempt \d/ })),
    ).toEqual([]);
    expect(await smallTargets(dashboard.eventsPanel.locator('summary'))).toEqual([]);
  });

  test('each verdict in the error tree is read in full, not cut at the edge', async ({
    dashboard,
  }) => {
    await dashboard.launch('Multi-error event');
    await expect(dashboard.errorTree).toContainText('KeyError');
    // Text past the tree's right edge is clipped.
    const cut = () => textPastRightEdge(dashboard.errorTree, '[role="treeitem"] span');
    await expect.poll(cut).toEqual([]);
    await expect(dashboard.errorTree.getByText(/counts as retryable/).first()).toBeVisible();
  });
});

test.describe('on a 360 × 640 phone', () => {
  test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

  test('the event list stays inside the Events panel, above Keep', async ({ dashboard, page }) => {
    const keep = dashboard.keepPanel;
    await keep.getByLabel('Import log').setInputFiles(NOTEBOOK_SAMPLE);
    await expect(keep.getByRole('status')).toContainText('Imported 12 events');

    // The bottom of the list's own scroll box, of the Events panel, and the top of Keep.
    const edges = await dashboard.eventList.evaluate((list) => {
      let box: Element | null = list;
      while (box !== null && getComputedStyle(box).overflowY === 'visible') {
        box = box.parentElement;
      }
      const panel = list.closest('section');
      const keepPanel = document.querySelector('.keep-region');
      return {
        list: (box ?? list).getBoundingClientRect().bottom,
        events: panel?.getBoundingClientRect().bottom ?? Infinity,
        keep: keepPanel?.getBoundingClientRect().top ?? -Infinity,
      };
    });
    expect(edges.list).toBeLessThanOrEqual(edges.events);
    expect(edges.events).toBeLessThanOrEqual(edges.keep);
    // Nothing of the list lies over Keep's buttons: a tap reaches them.
    const download = page.waitForEvent('download');
    await keep.getByRole('button', { name: 'Export log' }).tap();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
  });
});

test.describe('on phones 393 to 430 wide', () => {
  test.use({ viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true });

  test('every demo kind is named inside the Demo event box', async ({ dashboard, page }) => {
    const picker = dashboard.launchPanel.getByRole('group', { name: 'Demo event' });
    const spilling = () => textPastRightEdge(picker, 'label');
    for (const width of [393, 412, 430]) {
      await page.setViewportSize({ width, height: 851 });
      await expect.poll(spilling).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
    }
  });
});

test('the inspector can be made wider or narrower with the keyboard', async ({
  dashboard,
  page,
}) => {
  await expect(dashboard.inspector).toBeVisible();
  const splitter = page.getByRole('separator', { name: 'Resize the inspector' });
  const before = (await dashboard.inspector.boundingBox())?.width ?? 0;

  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');

  await expect
    .poll(async () => (await dashboard.inspector.boundingBox())?.width ?? 0)
    .toBeLessThan(before - 40);
  const valueAfter = Number(await splitter.getAttribute('aria-valuenow'));
  await page.reload();
  await expect(splitter).toHaveAttribute('aria-valuenow', String(valueAfter));
});

test('a log dropped anywhere on the page is imported', async ({ dashboard, page }) => {
  const text = await readFile(NOTEBOOK_SAMPLE, 'utf8');
  const transfer = await page.evaluateHandle((json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], 'notebook.json', { type: 'application/json' }));
    return data;
  }, text);
  // The drop target listens once the Keep panel (loaded after the first render) is there.
  await expect(dashboard.keepPanel.getByText('Import log')).toBeVisible();

  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop the log to import it')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });

  await expect(dashboard.keepPanel.getByRole('status')).toContainText(
    'Imported 12 events from notebook.json',
  );
  await expect(page.getByText('Drop the log to import it')).toBeHidden();
});

test('an empty history says what to try first', async ({ dashboard }) => {
  await expect(dashboard.eventsPanel).toContainText('No events yet. Things to try first:');
  await expect(dashboard.inspector).toContainText('Nothing selected yet.');
});

test.describe('at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('after a burst of 1,000 the list is the main stage: at least 12 rows in view', async ({
    dashboard,
  }) => {
    await dashboard.fill('Simple event');
    await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill('1000');
    await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();
    await expect(dashboard.counter('completed', 1000)).toBeVisible({ timeout: 20_000 });

    // Rows wholly inside both the window and the list's own scroll box.
    const inView = async (): Promise<number> =>
      dashboard.eventList.evaluate((list) => {
        let box: Element | null = list;
        while (box !== null && getComputedStyle(box).overflowY === 'visible') {
          box = box.parentElement;
        }
        const clip = (box ?? list).getBoundingClientRect();
        const rows = [...list.querySelectorAll<HTMLElement>('.event-row')];
        return rows.filter((row) => {
          const rect = row.getBoundingClientRect();
          return (
            rect.top >= Math.max(clip.top, 0) - 1 &&
            rect.bottom <= Math.min(clip.bottom, window.innerHeight) + 1
          );
        }).length;
      });
    await expect.poll(inView).toBeGreaterThanOrEqual(12);
  });
});
