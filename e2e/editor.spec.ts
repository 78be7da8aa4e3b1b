import type { Page } from '@playwright/test';
import { expect, test, type Dashboard } from './support/dashboard.ts';

/**
 * The first run fetches the compiler (a worker with sucrase) and the launch checks; on a busy
 * machine that takes longer than an assertion's usual wait.
 */
const SLOW = { timeout: 20_000 };

/** Opens "Write your own event" and returns its region. */
async function openEditor(dashboard: Dashboard) {
  const region = dashboard.page.getByRole('region', { name: 'Write your own event' });
  await region.getByRole('button', { name: 'Open the editor' }).click();
  // CodeMirror comes in a chunk of its own, fetched on this click.
  await expect(region.getByRole('textbox', { name: 'Code of your event' })).toBeVisible({
    timeout: 20_000,
  });
  return region;
}

/** Replaces the editor's code with `code`, as typed. */
async function writeCode(page: Page, region: ReturnType<Page['getByRole']>, code: string) {
  const editor = region.getByRole('textbox', { name: 'Code of your event' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

test.describe.configure({ timeout: 120_000 });

test('a template runs in the sandbox and its AggregateError keeps every child', async ({
  dashboard,
}) => {
  const region = await openEditor(dashboard);
  await region.getByLabel('Start from').selectOption({ label: 'Throws an AggregateError' });
  await region.getByRole('button', { name: 'Run' }).click();

  await expect(dashboard.eventStatus).toHaveText(/failed/, SLOW);
  await expect(dashboard.errorTree.getByText('multiple errors')).toBeVisible();
  await expect(dashboard.errorTree.getByText('validation error')).toBeVisible();
  await expect(dashboard.errorTree.getByText('out of range')).toBeVisible();
  // The child that said it is not retryable still says so, and decides the group's verdict.
  await expect(dashboard.inspector.getByText(/Verdict: not retryable/)).toBeVisible();
  await expect(dashboard.rows().filter({ hasText: 'Your event' })).toHaveCount(1);
  // The line it was thrown from is marked in the code.
  await expect(region.getByText(/^Line 6: AggregateError: multiple errors/)).toBeVisible();
});

test('Run keeps the keyboard focus while the code compiles and launches', async ({
  dashboard,
  page,
}) => {
  const region = await openEditor(dashboard);
  const run = region.getByRole('button', { name: 'Run' });
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(dashboard.eventStatus).toHaveText(/completed|failed|cancelled/, SLOW);
  await expect(run).toBeEnabled();
  await expect(run).toBeFocused();
});

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the editor opens in the page, not under another panel, and runs', async ({
    dashboard,
    page,
  }) => {
    const region = await openEditor(dashboard);
    const run = region.getByRole('button', { name: 'Run' });
    // Nothing is drawn over the button: a tap reaches it.
    await run.tap();
    await expect(dashboard.eventStatus).toHaveText(/completed|failed|cancelled/, SLOW);
    await expect(dashboard.inspector.getByRole('heading', { name: /Your event/ })).toBeVisible();
    await page.getByRole('button', { name: 'Back to the list' }).tap();
    await expect(page.getByRole('button', { name: 'Start the tour' })).toBeVisible();
  });
});

test('TypeScript is stripped of its types and runs; a syntax error is shown at its line', async ({
  dashboard,
  page,
}) => {
  const region = await openEditor(dashboard);
  await region.getByLabel('Language').selectOption('TypeScript');
  await region.getByLabel('Start from').selectOption({ label: 'Returns undefined' });
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(dashboard.eventStatus).toHaveText(/completed/, SLOW);

  await writeCode(page, region, 'function _invoke(ctx: unknown) {\n  return = 1;\n}');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('alert')).toHaveText(/Line 2, column \d+: Unexpected token/, SLOW);
  await expect(dashboard.rows()).toHaveCount(1);
});

test('code in the sandbox cannot reach the page storage, network or DOM', async ({
  dashboard,
  page,
}) => {
  const region = await openEditor(dashboard);
  await region.getByLabel('Timeout (s)').fill('');
  await writeCode(
    page,
    region,
    'async function _invoke() {\n  return [typeof indexedDB, typeof caches, typeof fetch, typeof importScripts, typeof XMLHttpRequest, typeof BroadcastChannel, typeof document, typeof localStorage];\n}',
  );
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(dashboard.eventStatus).toHaveText(/completed/, SLOW);
  // Every one of the eight names is out of reach in the worker.
  await expect(
    dashboard.inspector.getByText(/^\[\s*("undefined",\s*){7}"undefined"\s*\]$/).first(),
  ).toBeVisible();
});

test('an endless loop does not freeze the page, and Stop ends it cancelled', async ({
  dashboard,
  page,
}) => {
  const region = await openEditor(dashboard);
  await region.getByLabel('Start from').selectOption({ label: 'Never ends (endless loop)' });
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(dashboard.eventStatus).toHaveText(/processing/, SLOW);

  // The page still answers: another event launches and completes while the loop spins.
  await dashboard.launch('Simple event');
  await expect(dashboard.counter('completed', 1)).toBeVisible();
  const responsive = await page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
  expect(responsive).toBeGreaterThan(0);

  await region.getByRole('button', { name: 'Stop' }).click();
  await expect(region.getByText('Last run: cancelled')).toBeVisible(SLOW);
  await dashboard.rows().filter({ hasText: 'Your event' }).click();
  await expect(dashboard.eventStatus).toHaveText(/cancelled/, SLOW);
  await expect(
    dashboard.inspector.getByText(/the sandbox worker was terminated/).first(),
  ).toBeVisible();
});

test('a timeout ends code that ignores its signal, and Retry fresh runs the same code again', async ({
  dashboard,
}) => {
  const region = await openEditor(dashboard);
  await region.getByLabel('Start from').selectOption({ label: 'Ignores the signal' });
  await region.getByLabel('Timeout (s)').fill('0.3');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(dashboard.eventStatus).toHaveText(/cancelled/, SLOW);
  await expect(
    dashboard.inspector.getByText(/Operation timed out after 0.3s/).first(),
  ).toBeVisible();

  await dashboard.retryFresh();
  // The two attempts are one chain: one row, with the first attempt folded under it.
  await expect(
    dashboard.eventList.getByRole('button', { name: 'Show 1 earlier attempt' }),
  ).toBeVisible();
  await expect(dashboard.rows().filter({ hasText: 'Your event' })).toHaveCount(1);
  await expect(dashboard.attemptChain).toContainText('2');
  await expect(dashboard.eventStatus).toHaveText(/cancelled/, SLOW);
});

test('under lesson time your event waits on the lesson clock: paused, then stepped', async ({
  dashboard,
}) => {
  const { page } = dashboard;
  const clock = page.getByRole('group', { name: 'Clock' });
  await clock.getByRole('button', { name: 'Lesson time' }).click();
  await expect(clock.getByRole('button', { name: 'Resume' })).toBeVisible();
  const region = await openEditor(dashboard);
  await expect(
    region.getByText(/a plain setTimeout in your code runs in\s+real time/),
  ).toBeVisible();
  await region.getByLabel('Start from').selectOption({ label: 'Honours the signal' });
  await region.getByLabel('Timeout (s)').fill('');
  await region.getByRole('button', { name: 'Run' }).click();

  await expect(dashboard.eventStatus).toHaveText('processing', SLOW);
  // The code's ctx.scheduler.setTimeout(resolve, 3000) waits on the paused lesson clock.
  await expect(clock.getByText('next in 3.000 s')).toBeVisible(SLOW);
  await page.waitForTimeout(300);
  await expect(dashboard.eventStatus).toHaveText('processing');

  await clock.getByRole('button', { name: 'Step' }).click();
  await expect(dashboard.eventStatus).toHaveText('completed', SLOW);
  await expect(clock.getByRole('status', { name: 'Lesson time' })).toHaveText('t = 3.000 s');
});
