import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

/** The tour's timeout step, opened straight from a lesson link that names it. */
async function openTimeoutStep(page: Page) {
  await page.goto('/#lesson=1&tour=4');
  const tour = page.getByRole('region', { name: 'Guided tour: the lionherd Event notebook' });
  await expect(tour.getByRole('heading', { name: 'Timeout', level: 4 })).toBeVisible();
  return tour;
}

test('a learner predicts before the value is shown, sees the right answer and keeps progress after a reload', async ({
  page,
}) => {
  const tour = await openTimeoutStep(page);
  const predict = tour.getByRole('form', { name: 'Predict' });
  const question = predict.getByRole('group', {
    name: 'Predict: What will slow.execution.status be after the 0.05 s timeout?',
  });
  const output = tour.getByRole('table', { name: 'Output' });
  const statusRow = output.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: 'slow.execution.status', exact: true }),
  });

  await test.step('the value asked about stays hidden until predicted', async () => {
    await expect(tour.getByRole('status')).toHaveText('Ran in this page with the real event core.');
    await expect(statusRow).toContainText('Predict it above first');
    await expect(statusRow).not.toContainText('"cancelled"');
  });

  await test.step('a wrong answer shows the right one and the value the run printed', async () => {
    await predict.getByRole('button', { name: 'Check' }).click();
    await expect(predict.getByText('Choose an answer first.')).toBeVisible();
    await question.getByRole('radio', { name: '"failed"' }).check();
    await predict.getByRole('button', { name: 'Check' }).click();
    await expect(
      predict.getByText('Not quite: you chose "failed", but slow.execution.status is "cancelled".'),
    ).toBeVisible();
    await expect(predict.getByRole('definition')).toHaveText(['"cancelled"', '"cancelled"']);
    await expect(predict.getByRole('term')).toHaveText([
      "The notebook's value",
      "This page's run printed",
    ]);
    await expect(statusRow.getByRole('cell')).toHaveText('"cancelled"');
    const nav = tour.getByRole('navigation', { name: 'Tour steps' });
    await expect(nav.getByRole('listitem').nth(3)).toContainText('predicted wrong');
    await expect(tour).toContainText('Predictions: 1 of 8 answered, 0 right');
  });

  await test.step('a right answer says so', async () => {
    await tour.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(tour.getByRole('heading', { name: 'Idempotency', level: 4 })).toBeVisible();
    const next = tour.getByRole('form', { name: 'Predict' });
    await next.getByRole('radio', { name: '1', exact: true }).check();
    await next.getByRole('button', { name: 'Check' }).click();
    await expect(next.getByText('Right: event.callCount is 1.')).toBeVisible();
    await expect(tour).toContainText('Predictions: 2 of 8 answered, 1 right');
  });

  await test.step('after a reload the answers are still there', async () => {
    await page.reload();
    const again = await openTimeoutStep(page);
    const nav = again.getByRole('navigation', { name: 'Tour steps' });
    await expect(again).toContainText('Predictions: 2 of 8 answered, 1 right');
    await expect(nav.getByRole('listitem').nth(3)).toContainText('predicted wrong');
    await expect(nav.getByRole('listitem').nth(4)).toContainText('predicted right');
    const form = again.getByRole('form', { name: 'Predict' });
    await expect(form.getByRole('radio', { name: '"failed"' })).toBeChecked();
    await expect(form.getByText('Not quite: you chose "failed"')).toBeVisible();
  });

  await test.step('Reset progress starts over', async () => {
    await tour.getByRole('button', { name: 'Reset progress' }).click();
    await expect(tour).toContainText('Predictions: 0 of 8 answered, 0 right');
    await expect(statusRow).toContainText('Predict it above first');
    await page.reload();
    await openTimeoutStep(page);
    await expect(tour).toContainText('Predictions: 0 of 8 answered, 0 right');
  });
});

test('the result of a prediction is announced in a live region', async ({ page }) => {
  const tour = await openTimeoutStep(page);
  const predict = tour.getByRole('form', { name: 'Predict' });
  const result = predict.getByText(/^(Right|Not quite|The answer)/);
  await predict.getByRole('button', { name: 'Show the answer' }).click();
  await expect(result).toHaveText('The answer: slow.execution.status is "cancelled".');
  await expect(result).toHaveAttribute('aria-live', 'polite');
  await expect(tour.getByRole('navigation', { name: 'Tour steps' })).toContainText('answer shown');
});
