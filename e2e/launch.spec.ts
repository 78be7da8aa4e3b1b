import { expect, test, type LaunchParams } from './support/dashboard.ts';

/** Every demo kind, with parameters that make its ending certain and quick. */
const KINDS: { label: string; params?: LaunchParams; ends: string }[] = [
  { label: 'Simple event', ends: 'completed' },
  { label: 'Failing event', ends: 'failed' },
  { label: 'Slow event', params: { 'Delay (s)': '0.2' }, ends: 'completed' },
  { label: 'Status-tracking event', ends: 'completed' },
  { label: 'Counting event', ends: 'completed' },
  { label: 'Multi-error event', ends: 'failed' },
  { label: 'Null-returning event', ends: 'completed' },
  { label: 'Conditional event', ends: 'skipped' },
  { label: 'Conditional event', params: { 'Condition holds': true }, ends: 'completed' },
  { label: 'Guarded event', ends: 'aborted' },
  { label: 'Progress-reporting event', params: { 'Step delay (s)': '0.05' }, ends: 'completed' },
  { label: 'Flaky event', params: { 'Failure rate': '0' }, ends: 'completed' },
  { label: 'Flaky event', params: { 'Failure rate': '1' }, ends: 'failed' },
  { label: 'HTTP event', params: { 'Latency (s)': '0.05' }, ends: 'completed' },
];

for (const { label, params, ends } of KINDS) {
  const how = params ? ` with ${JSON.stringify(params)}` : '';
  test(`a launched ${label.toLowerCase()}${how} ends ${ends}`, async ({ dashboard }) => {
    await dashboard.launch(label, params);

    await expect(dashboard.inspector.getByRole('heading', { name: label })).toBeVisible();
    await expect(dashboard.eventStatus).toHaveText(ends);
    await expect(dashboard.counter(ends, 1)).toBeVisible();
  });
}

test('an invalid parameter shows its message next to the field and launches nothing', async ({
  dashboard,
}) => {
  await dashboard.fill('Slow event', { 'Delay (s)': '-1', 'Timeout (s)': '0' });
  await dashboard.launchPanel.getByRole('button', { name: 'Launch', exact: true }).click();

  const delay = dashboard.launchPanel.getByRole('textbox', { name: 'Delay (s)' });
  const timeout = dashboard.launchPanel.getByRole('textbox', { name: 'Timeout (s)' });
  await expect(delay).toHaveAttribute('aria-invalid', 'true');
  await expect(delay).toHaveAccessibleDescription(/delay must be between 0 and 3600 seconds/);
  await expect(timeout).toHaveAccessibleDescription(/timeout must be greater than 0 seconds/);
  await expect(dashboard.launchPanel.getByRole('alert')).toHaveCount(2);
  await expect(dashboard.counter('total', 0)).toBeVisible();
  await expect(dashboard.rows()).toHaveCount(0);
});

test('a parameter that is not a number is refused with a message', async ({ dashboard }) => {
  await dashboard.fill('Slow event', { 'Delay (s)': 'soon' });
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();

  await expect(dashboard.launchPanel.getByRole('alert')).toHaveText(
    /delay must be a number of seconds/,
  );
  await expect(dashboard.counter('total', 0)).toBeVisible();
});

test('a burst launches N events at once', async ({ dashboard }) => {
  await dashboard.fill('Simple event');
  await dashboard.launchPanel.getByRole('textbox', { name: 'Burst size (N)' }).fill('25');
  await dashboard.launchPanel.getByRole('button', { name: 'Launch burst' }).click();

  await expect(dashboard.counter('completed', 25)).toBeVisible();
  await expect(dashboard.counter('total', 25)).toBeVisible();
});
