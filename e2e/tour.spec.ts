import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

/** One printed line: the expression and its value exactly as the tour writes it. */
type Printed = readonly [expression: string, value: string];

interface StepExpectation {
  title: string;
  /** A line of the TypeScript the step shows. */
  code: string;
  printed: readonly Printed[];
}

/** The notebook's values, section by section, in the form the tour prints them. */
const STEPS: readonly StepExpectation[] = [
  {
    title: 'Construction & invocation',
    code: 'new SimpleEvent({ returnValue: 42 })',
    printed: [
      ['event.status', '"pending"'],
      ['result', '42'],
      ['event.execution.status', '"completed"'],
      ['event.execution.response', '42'],
      ['event.execution.error', 'null'],
      ['event.execution.retryable', 'false'],
    ],
  },
  {
    title: 'Lifecycle transitions',
    code: 'new StatusTrackingEvent({ delay: 0.01 })',
    printed: [
      ['before', '"pending"'],
      ['during', '"processing"'],
      ['after', '"completed"'],
      ['response', '"done"'],
      [
        "event.history.map((step) => step.status).join(' → ')",
        '"pending → processing → completed"',
      ],
    ],
  },
  {
    title: 'Success vs failure',
    code: "new FailingEvent({ errorMsg: 'Something broke' })",
    printed: [
      ['okResult', '"success!"'],
      ['ok.execution.status', '"completed"'],
      ['badResult', 'undefined'],
      ['bad.execution.status', '"failed"'],
      ['bad.execution.response', 'Unset'],
      ['bad.execution.error', 'ValueError: Something broke'],
      ['bad.execution.retryable', 'true'],
    ],
  },
  {
    title: 'Timeout',
    code: "new SlowEvent({ delay: 5, returnValue: 'completed', timeout: 0.05 })",
    printed: [
      ['fast.execution.status', '"completed"'],
      ['fast.execution.response', '"fast"'],
      ['slow.execution.status', '"cancelled"'],
      ['slow.execution.response', 'Unset'],
      ['slow.execution.error', 'TimeoutError: Operation timed out after 0.05s'],
      ['slow.execution.retryable', 'true'],
    ],
  },
  {
    title: 'Idempotency',
    code: 'const third = await event.invoke();',
    printed: [
      ['first', '"result_1"'],
      ['second', '"result_1"'],
      ['third', '"result_1"'],
      ['event.callCount', '1'],
    ],
  },
  {
    title: 'Fresh retry',
    code: 'first.asFreshEvent({ copyMeta: true })',
    printed: [
      ['first.metadata.attempt', '1'],
      ['first.execution.status', '"failed"'],
      ['first.execution.error', 'ValueError: Network timeout'],
      ['first.execution.retryable', 'true'],
      ['retry.id !== first.id', 'true'],
      ['original.id === first.id', 'true'],
      ['retry.status', '"pending"'],
      ['retry.metadata.attempt', '2'],
      ['retry.execution.status', '"failed"'],
      ['retry.execution.error', 'ValueError: Network timeout'],
    ],
  },
  {
    title: 'Aggregate errors',
    code: 'const error = event.execution.error as AggregateError;',
    printed: [
      ['event.execution.status', '"failed"'],
      ['error', 'AggregateError: multiple errors (3 sub-exceptions)'],
      ['error.errors.length', '3'],
      ['error.errors[0]', 'ValueError: validation error'],
      ['error.errors[1]', 'TypeError: type mismatch'],
      ['error.errors[2]', "KeyError: 'missing key'"],
      ['event.execution.retryable', 'true'],
    ],
  },
  {
    title: 'Unset vs null',
    code: 'console.log(pending.execution.response === Unset);',
    printed: [
      ['pending.execution.response', 'Unset'],
      ['pending.execution.response === Unset', 'true'],
      ['done.execution.response', 'null'],
      ['done.execution.response === Unset', 'false'],
    ],
  },
];

/** Opens the dashboard and starts the tour: the tour, its step list and its pager. */
async function startTour(page: Page) {
  await page.goto('/');
  const learn = page.getByRole('region', { name: 'Learn' });
  await learn.getByRole('button', { name: 'Start the tour' }).click();
  const tour = learn.getByRole('region', { name: 'Guided tour: the lionherd Event notebook' });
  return {
    tour,
    nav: tour.getByRole('navigation', { name: 'Tour steps' }),
    previous: tour.getByRole('button', { name: 'Previous', exact: true }),
    next: tour.getByRole('button', { name: 'Next', exact: true }),
  };
}

function outputRow(tour: Locator, expression: string, value?: string): Locator {
  const output = tour.getByRole('table', { name: 'Output' });
  if (value !== undefined) {
    return output.getByRole('row', { name: `${expression} ${value}`, exact: true });
  }
  return output.getByRole('row').filter({
    has: tour.page().getByRole('rowheader', { name: expression, exact: true }),
  });
}

test("the tour walks all eight steps and shows the notebook's values", async ({ page }) => {
  test.setTimeout(90_000);
  const { tour, nav, previous, next } = await startTour(page);
  await expect(nav.getByRole('button')).toHaveCount(STEPS.length);
  await expect(previous).toBeDisabled();

  for (const [index, step] of STEPS.entries()) {
    const number = index + 1;
    await test.step(`step ${String(number)}: ${step.title}`, async () => {
      await expect(nav).toContainText(`Step ${String(number)} of 8`);
      await expect(
        nav.getByRole('button', { name: `${String(number)}. ${step.title}`, exact: true }),
      ).toHaveAttribute('aria-current', 'step');
      await expect(tour.getByRole('heading', { name: step.title, level: 4 })).toBeVisible();
      await expect(tour.getByRole('figure', { name: 'TypeScript code' })).toContainText(step.code);

      // Each step runs as it opens: its values are there without pressing anything, except the
      // one the step asks to predict (see e2e/predict.spec.ts), shown here without guessing.
      await expect(tour.getByRole('status')).toHaveText(
        'Ran in this page with the real event core.',
      );
      await tour.getByRole('button', { name: 'Show the answer' }).click();
      for (const [expression, value] of step.printed) {
        await expect(outputRow(tour, expression, value)).toBeVisible();
      }
      if (number === 1) {
        await tour.getByRole('button', { name: 'Run again', exact: true }).click();
        await expect(tour.getByRole('status')).toHaveText(
          'Ran in this page with the real event core.',
        );
        await expect(outputRow(tour, 'result', '42')).toBeVisible();
      }

      if (number < STEPS.length) await next.click();
    });
  }

  await test.step('the fresh retry points back at its original and toDict tells Unset from null by status', async () => {
    await expect(next).toBeDisabled();
    const pendingDict = outputRow(tour, 'pending.toDict().execution');
    await expect(pendingDict).toContainText('"status": "pending"');
    await expect(pendingDict).toContainText('"response": null');
    const doneDict = outputRow(tour, 'done.toDict().execution');
    await expect(doneDict).toContainText('"status": "completed"');
    await expect(doneDict).toContainText('"response": null');

    await nav.getByRole('button', { name: '6. Fresh retry', exact: true }).click();
    await expect(nav).toContainText('Step 6 of 8');
    // The step's last output is kept while the reader walks around the tour.
    const firstIdCell = outputRow(tour, 'first.id').getByRole('cell');
    await expect(firstIdCell).toHaveText(/^"[0-9a-f-]{36}"$/);
    const firstId = (await firstIdCell.textContent()) ?? '';
    await expect(outputRow(tour, 'retry.metadata.original')).toContainText(`"id": ${firstId}`);
  });

  await test.step('Previous walks back', async () => {
    await previous.click();
    await expect(nav).toContainText('Step 5 of 8');
    await expect(outputRow(tour, 'event.callCount', '1')).toBeVisible();
  });
});

test('Next and Previous keep the keyboard focus at the ends of the tour, and do nothing there', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { tour, nav, previous, next } = await startTour(page);
  const lastTitle = STEPS.at(-1)?.title ?? '';
  const firstTitle = STEPS[0]?.title ?? '';

  await next.focus();
  for (let number = 2; number <= STEPS.length; number++) {
    await page.keyboard.press('Enter');
    await expect(nav).toContainText(`Step ${String(number)} of 8`);
  }
  await expect(next).toBeDisabled();
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tour.getByRole('heading', { name: lastTitle, level: 4 })).toBeVisible();
  await expect(next).toBeFocused();

  await previous.focus();
  for (let number = STEPS.length - 1; number >= 1; number--) {
    await page.keyboard.press('Enter');
    await expect(nav).toContainText(`Step ${String(number)} of 8`);
  }
  await expect(previous).toBeDisabled();
  await expect(previous).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tour.getByRole('heading', { name: firstTitle, level: 4 })).toBeVisible();
  await expect(previous).toBeFocused();
});

test.describe('on a 360 × 640 phone', () => {
  test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

  test('a code block wider than the screen scrolls from the keyboard, with a visible focus', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Start the tour' }).click();
    const tour = page.getByRole('region', { name: 'Guided tour: the lionherd Event notebook' });
    // Step 6 has the longest line (90 characters).
    await tour
      .getByRole('navigation', { name: 'Tour steps' })
      .getByRole('button', { name: '6. Fresh retry', exact: true })
      .click();
    const code = tour
      .getByRole('figure', { name: 'TypeScript code' })
      .getByLabel('Code', { exact: true });
    await expect(code).toContainText('first.asFreshEvent({ copyMeta: true })');
    expect(await code.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);

    await tour.getByRole('button', { name: 'Next', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(code).toBeFocused();
    expect(await code.evaluate((pre) => getComputedStyle(pre).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => code.evaluate((pre) => pre.scrollLeft)).toBeGreaterThan(0);
  });
});
