import { expect, type Locator, type Page } from '@playwright/test';
import {
  DEEP,
  HUGE,
  RESPONSE_ROWS,
  WIDE,
  deepGroupLog,
  longMessageLog,
  longResponseLog,
  wideGroupLog,
} from './hostileLogs.ts';

/**
 * What a person does with hostile data in the inspector, step by step, each step ending when
 * its result is visible. `e2e/inspectorBounds.spec.ts` asserts that no step causes a long task;
 * `bench/inspector.bench.ts` reports the longest task of each.
 */
export interface InspectorStep {
  name: string;
  run: (page: Page) => Promise<void>;
}

export interface InspectorCase {
  name: string;
  fileName: string;
  log: () => string;
  steps: InspectorStep[];
}

/** Waits this long for results: the machine that runs the suite may be busy. */
const SLOW = { timeout: 60_000 };

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const errorTree = (page: Page) => inspector(page).getByRole('tree', { name: 'Error tree' });

/** Imports `log` from the Keep panel and waits until it is in the list. */
export async function importLog(page: Page, name: string, log: string): Promise<void> {
  const keep = page.getByRole('region', { name: 'Keep' });
  await keep.getByLabel('Import log').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(log),
  });
  await expect(keep.getByRole('status')).toContainText('Imported 1 event', { timeout: 120_000 });
}

const openTheEvent = (status: string, visible: (page: Page) => Promise<void>): InspectorStep => ({
  name: 'opening the event',
  run: async (page) => {
    await page
      .getByRole('region', { name: 'Events' })
      .getByRole('list', { name: 'Events' })
      .getByRole('button')
      .filter({ hasText: status })
      .click();
    await visible(page);
  },
});

/**
 * "Show all" of the long text in `container` (the region named `label`), then a scroll to `at`
 * of its height, showing `expected`.
 */
const showAll = (
  what: string,
  container: (page: Page) => Locator,
  label: string,
  at: number,
  expected: string,
): InspectorStep => ({
  name: `showing all of the ${what} and scrolling it`,
  run: async (page) => {
    await container(page)
      .getByRole('button', { name: /^Show all \(\d/ })
      .click(SLOW);
    const rows = container(page).getByRole('region', { name: label });
    await expect(rows).toHaveAttribute('aria-busy', 'false', SLOW);
    await rows.evaluate((element, fraction) => {
      element.scrollTop = element.scrollHeight * fraction;
    }, at);
    await expect(rows).toContainText(expected, SLOW);
  },
});

const JSON_LABEL = 'execution.toDict() JSON';
const showAllJson = (at: number, expected: string): InspectorStep =>
  showAll(
    'JSON',
    (page) => inspector(page).locator('details', { hasText: JSON_LABEL }),
    JSON_LABEL,
    at,
    expected,
  );

/** Types `query` into the tree's search and waits for `status`, then for `more`. */
const searchTheTree = (
  query: string,
  status: string,
  more: (page: Page) => Promise<void> = () => Promise.resolve(),
): InspectorStep => ({
  name: 'searching the tree',
  run: async (page) => {
    await inspector(page).getByRole('searchbox', { name: 'Search the error tree' }).fill(query);
    await expect(inspector(page).getByRole('status').filter({ hasText: 'match' })).toHaveText(
      status,
      SLOW,
    );
    await more(page);
  },
});

const wideGroup: InspectorCase = {
  name: `error group ${WIDE.toLocaleString('en')} wide`,
  fileName: 'wide-group.json',
  log: wideGroupLog,
  steps: [
    openTheEvent('failed', async (page) => {
      await expect(inspector(page)).toContainText(
        '150,000 errors — showing the first 200, grouped by type: EOFError × 50,000, KeyError × 50,000, OSError × 50,000',
        SLOW,
      );
      await expect(errorTree(page).getByRole('treeitem')).toHaveCount(201, SLOW);
    }),
    {
      name: 'showing 200 more',
      run: async (page) => {
        await errorTree(page)
          .getByRole('button', { name: 'Show 200 more (149,800 not shown)' })
          .click();
        await expect(errorTree(page).getByRole('treeitem')).toHaveCount(401, SLOW);
      },
    },
    searchTheTree('needle', '150 errors match', async (page) => {
      await expect(
        inspector(page).getByRole('list', { name: 'Matching errors' }).getByRole('listitem'),
      ).toHaveCount(150, SLOW);
    }),
    showAllJson(0.5, '"error": "'),
  ],
};

/** Nodes of the deep group: a group and a `KeyError` per level, and the deepest error. */
const DEEP_NODES = 2 * (DEEP - 1) + 1;

const deepGroup: InspectorCase = {
  name: `error group ${String(DEEP)} levels deep`,
  fileName: 'deep-group.json',
  log: deepGroupLog,
  steps: [
    openTheEvent('failed', async (page) => {
      await expect(errorTree(page).getByRole('treeitem')).toHaveCount(DEEP_NODES, SLOW);
    }),
    {
      name: 'collapsing and expanding the groups',
      run: async (page) => {
        const root = errorTree(page).getByRole('treeitem', { level: 1 });
        await root.focus();
        await root.press('ArrowLeft');
        await expect(errorTree(page).getByRole('treeitem')).toHaveCount(1, SLOW);
        await root.press('ArrowRight');
        await expect(errorTree(page).getByRole('treeitem')).toHaveCount(DEEP_NODES, SLOW);
      },
    },
    searchTheTree('beside', `${String(DEEP - 1)} errors match`),
  ],
};

const longMessage: InspectorCase = {
  name: 'error message of one unbroken 10 MB word',
  fileName: 'long-message.json',
  log: longMessageLog,
  steps: [
    openTheEvent('failed', async (page) => {
      await expect(errorTree(page).getByRole('treeitem')).toContainText(
        `(${(HUGE - 300).toLocaleString('en')} more characters)`,
        SLOW,
      );
    }),
    showAllJson(1, 'xZ"'),
  ],
};

const longResponse: InspectorCase = {
  name: 'response of 10 MB of JSON',
  fileName: 'long-response.json',
  log: longResponseLog,
  steps: [
    openTheEvent('completed', async (page) => {
      await expect(inspector(page).getByRole('region', { name: 'Response' })).toContainText(
        '"index": 0',
        SLOW,
      );
    }),
    showAll(
      'response',
      (page) => inspector(page).getByRole('region', { name: 'Response' }),
      'Response',
      1,
      `"index": ${String(RESPONSE_ROWS - 1)}`,
    ),
    showAllJson(1, '"payload": "'),
  ],
};

export const INSPECTOR_CASES: readonly InspectorCase[] = [
  wideGroup,
  deepGroup,
  longMessage,
  longResponse,
];
