import { expect, test } from './support/dashboard.ts';

test('the inspector follows a retry run to its newest attempt and shows the run near the top', async ({
  dashboard,
}) => {
  // Always fails with a ConnectionError, which is retryable: the run uses every attempt.
  await dashboard.launch('Flaky event', { 'Failure rate': '1' });
  await expect(dashboard.eventStatus).toHaveText('failed');

  const policy = dashboard.inspector.getByRole('form', { name: 'Retry policy' });
  await policy.getByRole('textbox', { name: 'Max attempts' }).fill('3');
  // Four steady seconds between attempts, long enough to see each one while the run goes on,
  // even on a busy machine.
  await policy.getByRole('textbox', { name: 'Base delay (s)' }).fill('4');
  await policy.getByRole('textbox', { name: 'Factor' }).fill('1');
  await policy.getByRole('textbox', { name: 'Jitter (0–1)' }).fill('0');
  await policy.getByRole('button', { name: 'Run retry policy' }).click();

  const run = dashboard.inspector.getByRole('status', { name: 'Retry run' });
  const heading = (attempt: number) =>
    dashboard.inspector.getByRole('heading', { name: `Flaky event · attempt ${String(attempt)}` });
  const chainLink = (attempt: number) =>
    dashboard.attemptChain.getByRole('link', { name: `Attempt ${String(attempt)}`, exact: true });

  // While the run goes on, each new attempt is opened as it starts.
  for (const attempt of [2, 3]) {
    await expect(heading(attempt)).toBeVisible();
    await expect(chainLink(attempt)).toHaveAttribute('aria-current', 'true');
    await expect(run).toContainText(`attempt ${String(attempt)} of at most 4`);
  }
  await expect(run).toContainText(/next attempt in/);

  // The run's status sits at the top of the inspector, above what can be done with the event.
  const runBox = await run.boundingBox();
  const actBox = await dashboard.inspector.getByRole('heading', { name: 'Act' }).boundingBox();
  expect(runBox?.y).toBeLessThan(actBox?.y ?? 0);

  // At the end, the inspector shows the last attempt, not the failed first one. The last
  // attempt starts four seconds after the one before.
  await expect(run).toContainText('stopped: gave up after 3 of 3 attempts', { timeout: 15_000 });
  await expect(run).toContainText('Retry run: attempt 4 of at most 4');
  await expect(heading(4)).toBeVisible();
  await expect(chainLink(4)).toHaveAttribute('aria-current', 'true');
  await expect(dashboard.attemptChain.getByRole('link', { name: /^Attempt \d$/ })).toHaveCount(4);
  await expect(dashboard.eventStatus).toHaveText('failed');
});
