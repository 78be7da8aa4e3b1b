import { expect, test } from './support/dashboard.ts';

test('invoking a completed event again returns the cached result and the work runs once', async ({
  dashboard,
}) => {
  await dashboard.launch('Counting event');
  await expect(dashboard.eventStatus).toHaveText('completed');
  const response = dashboard.inspector.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('"result_1"');

  await dashboard.inspector.getByRole('button', { name: 'Invoke again' }).click();

  await expect(dashboard.inspector).toContainText('invoke() called: 2 · runs of _invoke: 1');
  await expect(response).toContainText('"result_1"');
});

test('three invokes at once share one run', async ({ dashboard }) => {
  await dashboard.launch('Slow event', { 'Delay (s)': '3' });
  await expect(dashboard.eventStatus).toHaveText('processing');

  await dashboard.inspector.getByRole('button', { name: 'Invoke ×3 at once' }).click();

  await expect(dashboard.inspector).toContainText('invoke() called: 4 · runs of _invoke: 1');
  await expect(dashboard.eventStatus).toHaveText('completed', { timeout: 10_000 });
  await expect(dashboard.inspector).toContainText('invoke() called: 4 · runs of _invoke: 1');
});

test('a failed event can be retried fresh and the attempts are linked', async ({ dashboard }) => {
  await dashboard.launch('Failing event', { 'Error message': 'disk on fire' });
  await expect(dashboard.eventStatus).toHaveText('failed');

  await dashboard.retryFresh();

  await expect(
    dashboard.inspector.getByRole('heading', { name: 'Failing event · attempt 2' }),
  ).toBeVisible();
  await expect(dashboard.eventStatus).toHaveText('failed');
  const first = dashboard.attemptChain.getByRole('link', { name: 'Attempt 1' });
  const second = dashboard.attemptChain.getByRole('link', { name: 'Attempt 2' });
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(first).toBeVisible();

  await first.click();

  await expect(
    dashboard.inspector.getByRole('heading', { name: 'Failing event · attempt 1' }),
  ).toBeVisible();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(second).toBeVisible();
  await expect(dashboard.counter('failed', 2)).toBeVisible();
});

test('with the keyboard, focus stays on the event after Cancel and after Retry fresh', async ({
  dashboard,
  page,
}) => {
  const details = page.locator('#inspector-record');
  await dashboard.launch('Slow event', { 'Delay (s)': '30' });
  await expect(dashboard.eventStatus).toHaveText('processing');

  await dashboard.inspector.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(dashboard.eventStatus).toHaveText('cancelled');
  await expect(details).toBeFocused();

  await dashboard.inspector.getByRole('button', { name: 'Retry fresh' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    dashboard.inspector.getByRole('heading', { name: 'Slow event · attempt 2' }),
  ).toBeVisible();
  await expect(details).toBeFocused();
  await expect(details).toContainText('attempt 2');
});

test('a fresh attempt shows its full id and its metadata, with metadata.original', async ({
  dashboard,
}) => {
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');
  await dashboard.inspector.getByRole('checkbox', { name: 'copy metadata' }).check();
  await dashboard.retryFresh();
  await expect(
    dashboard.inspector.getByRole('heading', { name: 'Failing event · attempt 2' }),
  ).toBeVisible();

  const items = dashboard.attemptChain.getByRole('listitem');
  const firstId = (await items.nth(0).locator('code').textContent()) ?? '';
  expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(
    dashboard.attemptChain.getByRole('button', { name: 'Copy the id of attempt 1' }),
  ).toBeVisible();
  await items.nth(1).getByText('metadata', { exact: true }).click();
  await expect(items.nth(1)).toContainText('"original"');
  await expect(items.nth(1)).toContainText(`"id": "${firstId}"`);
});

test('the aggregate-error event shows a tree of three leaves and the verdict in words', async ({
  dashboard,
}) => {
  await dashboard.launch('Multi-error event');
  await expect(dashboard.eventStatus).toHaveText('failed');

  const root = dashboard.errorTree.getByRole('treeitem', { name: /^AggregateError/ });
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  const leaves = dashboard.errorTree.getByRole('treeitem', { level: 2 });
  await expect(leaves).toHaveCount(3);
  await expect(leaves.nth(0)).toHaveAccessibleName(/ValueError: validation error/);
  await expect(leaves.nth(1)).toHaveAccessibleName(/TypeError: type mismatch/);
  await expect(leaves.nth(2)).toHaveAccessibleName(/KeyError: 'missing key'/);
  // A flat list of rows: each says where it stands among its siblings.
  await expect(leaves.nth(1)).toHaveAttribute('aria-posinset', '2');
  await expect(leaves.nth(1)).toHaveAttribute('aria-setsize', '3');
  await expect(dashboard.inspector).toContainText(
    "Verdict: retryable — all 3 errors inside AggregateError 'multiple errors (3 sub-exceptions)' are retryable (a group of errors is retryable only when every error in it is)",
  );
});

test('the error tree can be walked with the keyboard', async ({ dashboard, page }) => {
  await dashboard.launch('Multi-error event');
  const root = dashboard.errorTree.getByRole('treeitem', { name: /^AggregateError/ });
  await root.focus();

  await page.keyboard.press('ArrowDown');
  await expect(dashboard.errorTree.getByRole('treeitem', { name: /ValueError/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(root).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('aria-expanded', 'false');
  await expect(dashboard.errorTree.getByRole('treeitem')).toHaveCount(1);
});

test('a retry policy shows the attempt count and stops at the first non-retryable failure', async ({
  dashboard,
}) => {
  await dashboard.fill('Flaky event', { 'Failure rate': '1' });
  await dashboard.launchPanel
    .getByRole('combobox', { name: 'Error kind' })
    .selectOption('validation');
  await dashboard.launchPanel.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(dashboard.eventStatus).toHaveText('failed');

  const policy = dashboard.inspector.getByRole('form', { name: 'Retry policy' });
  await policy.getByRole('textbox', { name: 'Max attempts' }).fill('3');
  await policy.getByRole('textbox', { name: 'Base delay (s)' }).fill('0.1');
  await policy.getByRole('button', { name: 'Run retry policy' }).click();

  // Numbered like the chain: the failed launch is attempt 1, the run adds attempts 2 to 4 at
  // most, and the inspector follows the run to its newest attempt.
  const run = dashboard.inspector.getByRole('status', { name: 'Retry run' });
  await expect(run).toContainText(/attempt [234] of at most 4/);
  await expect(run).toContainText(/not retryable: ValidationError 'bad input'/);
  await expect(
    dashboard.inspector.getByRole('heading', { name: 'Flaky event · attempt 2' }),
  ).toBeVisible();
  await expect(dashboard.attemptChain.getByRole('link', { name: 'Attempt 2' })).toHaveAttribute(
    'aria-current',
    'true',
  );
});

test('a completed event offers no retry and says invoking again is served from the cache', async ({
  dashboard,
}) => {
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');

  await expect(dashboard.inspector.getByRole('button', { name: 'Retry fresh' })).toBeHidden();
  await expect(dashboard.inspector.getByRole('form', { name: 'Retry policy' })).toBeHidden();
  await expect(dashboard.inspector.getByRole('button', { name: 'Cancel' })).toBeHidden();
  await expect(dashboard.inspector).toContainText(
    'Invoking again returns the cached response; _invoke does not run again.',
  );
});

test('a failed event says that invoking again returns the cached outcome without running', async ({
  dashboard,
}) => {
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');

  await expect(dashboard.inspector).toContainText(
    'Invoking again returns the cached outcome (failed) without running _invoke; to run the work again, retry fresh.',
  );
  await dashboard.inspector.getByRole('button', { name: 'Invoke again' }).click();
  await expect(dashboard.inspector).toContainText('invoke() called: 2 · runs of _invoke: 1');
  await expect(dashboard.eventStatus).toHaveText('failed');
});
