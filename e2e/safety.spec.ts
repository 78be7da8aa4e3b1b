import { expect, test } from './support/dashboard.ts';

const MARKUP = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>';

test('markup in error messages and responses is shown as text and never runs', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('Failing event', { 'Error message': MARKUP });
  await expect(dashboard.eventStatus).toHaveText('failed');
  await expect(dashboard.errorTree.getByRole('treeitem')).toHaveAccessibleName(
    `ValueError: ${MARKUP} ↻ retryable (says nothing, so counts as retryable)`,
  );

  await dashboard.launch('Simple event', { 'Return value': JSON.stringify(MARKUP) });
  await expect(dashboard.eventStatus).toHaveText('completed');
  // Shown as JSON, exactly as the response holds it.
  await expect(dashboard.inspector.getByRole('region', { name: 'Response' })).toContainText(
    JSON.stringify(MARKUP),
  );

  await expect(page.getByRole('img', { name: 'x' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
});

const JAVASCRIPT_URL = 'javascript:window.__injected=3';

/** A lionherd-core log whose every string a stranger controls carries markup or script. */
function hostileLionherdLog(): string {
  const record = (id: string, execution: Record<string, unknown>, lionClass: string) => ({
    id,
    created_at: '2026-11-20T09:30:00.157000+00:00',
    metadata: { lion_class: lionClass, note: MARKUP, link: JAVASCRIPT_URL },
    execution,
  });
  return JSON.stringify([
    record(
      '4a1e0000-0000-4000-8000-000000000001',
      {
        status: 'failed',
        duration: 0.001,
        response: null,
        error: {
          error: 'ExceptionGroup',
          message: MARKUP,
          exceptions: [
            { error: '<b>ValueError</b>', message: MARKUP },
            { error: 'TypeError', message: JAVASCRIPT_URL },
          ],
        },
        retryable: true,
      },
      `__main__.${MARKUP}`,
    ),
    record(
      '4a1e0000-0000-4000-8000-000000000002',
      {
        status: 'completed',
        duration: 0.001,
        response: { html: MARKUP, href: JAVASCRIPT_URL },
        error: null,
        retryable: false,
      },
      '__main__.SimpleEvent',
    ),
  ]);
}

test('an imported log full of markup and script is shown as text and nothing runs', async ({
  dashboard,
  page,
}) => {
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles({
    name: '<img src=x onerror=alert(1)>.json',
    mimeType: 'application/json',
    buffer: Buffer.from(hostileLionherdLog()),
  });
  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 2 events');

  await dashboard.rows().filter({ hasText: 'failed' }).click();
  await expect(dashboard.errorTree.getByRole('treeitem')).toHaveCount(3);
  await expect(dashboard.inspector).toContainText(MARKUP);
  await expect(dashboard.inspector).toContainText(JAVASCRIPT_URL);

  await dashboard.rows().filter({ hasText: 'completed' }).click();
  await expect(dashboard.inspector.getByRole('region', { name: 'Response' })).toContainText(
    JAVASCRIPT_URL,
  );

  // Nothing ran, and no element or link was made from the strings.
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
  await expect(page.getByRole('img', { name: 'x' })).toHaveCount(0);
  await expect(page.locator('img[src="x"], script:not([src]), a[href^="javascript:"]')).toHaveCount(
    0,
  );
});

test('a right-to-left override in an id does not reverse the words after it', async ({
  dashboard,
}) => {
  const record = {
    id: 'abc\u202Edef',
    created_at: '2026-11-20T09:30:00.157000+00:00',
    metadata: { lion_class: '__main__.SimpleEvent' },
    execution: { status: 'completed', duration: 1, response: null, error: null, retryable: null },
  };
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles({
    name: 'rtl.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([record])),
  });
  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 1 event');
  await dashboard.rows().first().click();
  const meta = dashboard.inspector.getByText(/ran for/);
  await expect(meta).toBeVisible();
  // Where "r" of "ran" and "f" of "for" are drawn: left to right unless the override leaks.
  const fAfterR = await meta.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.indexOf('ran for');
      if (at < 0) continue;
      const left = (offset: number): number => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return left(at + 4) - left(at);
    }
    return null;
  });
  expect(fAfterR).toBeGreaterThan(0);
});
