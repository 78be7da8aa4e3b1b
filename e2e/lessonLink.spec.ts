import { expect, test } from './support/fixtures.ts';

test.slow();

test('a lesson link opens paused lesson time with its event, ready to be stepped', async ({
  page,
}) => {
  await page.goto('/#lesson=1&kind=slow&p.delay=1&p.timeout=0.05&clock=lesson&speed=0.5&paused=1');
  const clock = page.getByRole('group', { name: 'Clock' });
  // The first load fetches the clock's and the link's chunks: allow a busy machine time.
  await expect(clock.getByRole('button', { name: 'Lesson time' })).toHaveAttribute(
    'aria-pressed',
    'true',
    { timeout: 20_000 },
  );
  await expect(clock.getByRole('combobox', { name: 'Speed' })).toHaveValue('0.5');
  const status = page
    .getByRole('region', { name: 'Inspector' })
    .getByRole('status', { name: 'Event status' });
  await expect(status).toHaveText('processing');
  await clock.getByRole('button', { name: 'Step' }).click();
  await expect(status).toHaveText('cancelled');
  await expect(clock.getByRole('status', { name: 'Lesson time' })).toHaveText('t = 0.050 s');
});

test('a hostile lesson link gets a clear notice and launches nothing', async ({ page }) => {
  await page.goto('/#lesson=1&kind=slow&p.delay=%3Cimg%20src%3Dx%3E&evil=%3Cscript%3E');
  await expect(
    page.getByRole('region', { name: 'Notices' }).getByText(/This lesson link cannot be opened/),
  ).toContainText('"evil" is not part of a lesson link', { timeout: 20_000 });
  await expect(
    page
      .getByRole('list', { name: 'Status counters' })
      .getByRole('listitem', { name: 'processing: 0' }),
  ).toBeVisible();
  await page.goto('/#lesson=1&kind=slow&p.delay=-5');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
    "The lesson's event could not be launched (delay: delay must be between 0 and 3600 seconds)",
    { timeout: 20_000 },
  );
});

test('"Copy link" gives a link that replays a seeded flaky event the same way', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Flaky event', exact: true }).check();
  await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  const status = page
    .getByRole('region', { name: 'Inspector' })
    .getByRole('status', { name: 'Event status' });
  await expect(status).toHaveText(/completed|failed/);
  const outcome = await status.textContent();

  await page
    .getByRole('group', { name: 'Clock' })
    .getByRole('button', { name: 'Copy link' })
    .click();
  const link = await page.getByRole('textbox', { name: 'Lesson link' }).inputValue();
  expect(link).toContain('#lesson=1&kind=flaky');
  expect(link).toContain('p.seed=3');

  const other = await context.newPage();
  await other.goto(link);
  await expect(
    other.getByRole('region', { name: 'Inspector' }).getByRole('status', { name: 'Event status' }),
  ).toHaveText(outcome ?? '', { timeout: 20_000 });
});

test('the history slider shows the diagram, timeline and JSON as they were', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Failing event', exact: true }).check();
  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('status', { name: 'Event status' })).toHaveText('failed');
  const slider = inspector.getByRole('slider', { name: 'Moment in history' });
  await expect(slider).toHaveAttribute('aria-valuetext', /^3 of 3: failed at .* \(now\)$/);
  const timeline = inspector
    .getByRole('list', { name: 'Transition timeline' })
    .getByRole('listitem');
  const diagram = page.getByRole('region', { name: 'Lifecycle' }).getByRole('img', {
    name: /Lifecycle diagram/,
  });

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '1 of 3: pending at +0 ms');
  await expect(timeline).toHaveCount(1);
  await expect(diagram).toHaveAccessibleName(/Current state: pending\./);
  await expect(inspector.getByText('"status": "pending"')).toBeVisible();
  await expect(inspector.getByText('"retryable": null')).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', /^2 of 3: processing/);
  await expect(diagram).toHaveAccessibleName(/Current state: processing\./);

  await page.keyboard.press('End');
  await expect(timeline).toHaveCount(3);
  await expect(diagram).toHaveAccessibleName(/Current state: failed\./);
  await expect(inspector.getByText('"retryable": true')).toBeVisible();
});
