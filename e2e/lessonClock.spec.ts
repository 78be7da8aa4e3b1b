import { expect, test } from './support/dashboard.ts';

// Several launches and clock moves each: allow for a busy machine.
test.slow();

test('in lesson time a 0.05 s timeout can be paused on and stepped through', async ({
  dashboard,
}) => {
  const { page } = dashboard;
  const clock = page.getByRole('group', { name: 'Clock' });
  await clock.getByRole('button', { name: 'Lesson time' }).click();
  await expect(clock.getByRole('button', { name: 'Lesson time' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const time = clock.getByRole('status', { name: 'Lesson time' });
  await expect(time).toHaveText('t = 0.000 s');
  await expect(clock.getByRole('button', { name: 'Resume' })).toBeVisible();

  await dashboard.launch('Slow event', { 'Delay (s)': '1', 'Timeout (s)': '0.05' });
  await expect(dashboard.eventStatus).toHaveText('processing');
  await expect(clock.getByText('next in 0.050 s')).toBeVisible();
  // Paused: real time passes, the event does not move.
  await page.waitForTimeout(300);
  await expect(dashboard.eventStatus).toHaveText('processing');
  await expect(time).toHaveText('t = 0.000 s');

  await clock.getByRole('button', { name: 'Step' }).click();
  await expect(dashboard.eventStatus).toHaveText('cancelled');
  await expect(time).toHaveText('t = 0.050 s');
  await expect(clock.getByText('nothing scheduled')).toBeVisible();
  await expect(clock.getByRole('button', { name: 'Step' })).toBeDisabled();
});

test('lesson time runs at the chosen speed and real time comes back unchanged', async ({
  dashboard,
}) => {
  const { page } = dashboard;
  const clock = page.getByRole('group', { name: 'Clock' });
  await clock.getByRole('button', { name: 'Lesson time' }).click();
  await clock.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await clock.getByRole('button', { name: 'Resume' }).click();
  await expect(clock.getByRole('button', { name: 'Pause' })).toBeVisible();
  await dashboard.launch('Slow event', { 'Delay (s)': '2', 'Timeout (s)': '' });
  // 2 s of lesson time at 4× take half a real second.
  await expect(dashboard.eventStatus).toHaveText('completed', { timeout: 5_000 });
  await clock.getByRole('button', { name: 'Pause' }).click();
  const shown = await clock.getByRole('status', { name: 'Lesson time' }).textContent();
  expect(Number(/t = ([\d.]+) s/.exec(shown ?? '')?.[1])).toBeGreaterThanOrEqual(2);

  await clock.getByRole('button', { name: 'Lesson time' }).click();
  await expect(clock.getByText('Real time')).toBeVisible();
  await dashboard.launch('Slow event', { 'Delay (s)': '0.2' });
  await expect(dashboard.eventStatus).toHaveText('completed');
});

test("lesson time works under Playwright's page.clock", async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  const clock = page.getByRole('group', { name: 'Clock' });
  await clock.getByRole('button', { name: 'Lesson time' }).click();
  await clock.getByRole('combobox', { name: 'Speed' }).selectOption('0.1');
  await page.getByRole('radio', { name: 'Slow event', exact: true }).check();
  await page.getByRole('textbox', { name: 'Delay (s)', exact: true }).fill('0.05');
  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  const status = page
    .getByRole('region', { name: 'Inspector' })
    .getByRole('status', { name: 'Event status' });
  await expect(status).toHaveText('processing');

  await page.clock.pauseAt(Date.now() + 60_000); // page time stands still from here
  await clock.getByRole('button', { name: 'Resume' }).click();
  await page.clock.runFor(400); // 0.04 s of lesson time at 0.1×
  await expect(status).toHaveText('processing');
  await page.clock.runFor(200); // past 0.05 s
  await expect(status).toHaveText('completed');
});
