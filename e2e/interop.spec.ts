import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/dashboard.ts';

const NOTEBOOK_SAMPLE = fileURLToPath(
  new URL('../public/samples/lionherd-notebook-run.json', import.meta.url),
);

interface OtlpFile {
  resourceSpans: { scopeSpans: { spans: { name: string; links?: unknown[] }[] }[] }[];
}

test('the shipped lionherd notebook sample imports as twelve read-only events', async ({
  dashboard,
}) => {
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(NOTEBOOK_SAMPLE);

  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 12 events');
  await expect(dashboard.counter('total', 12)).toBeVisible();
  await dashboard.rows().filter({ hasText: 'cancelled' }).click();
  await expect(dashboard.inspector).toContainText('Operation timed out after 0.05s');
  await expect(dashboard.inspector.getByRole('button', { name: 'Retry fresh' })).toBeDisabled();
  // Only what the log holds: no invented steps, no invented invoke counts.
  const timeline = dashboard.inspector.getByRole('list', { name: 'Transition timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline).not.toContainText('processing');
  await expect(dashboard.inspector).toContainText(
    'The log does not record how often this event was invoked or ran.',
  );
});

test('the history exported as a lionherd log reads back in', async ({ dashboard, page }) => {
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');
  await dashboard.launch('Multi-error event');
  await expect(dashboard.eventStatus).toHaveText('failed');

  const download = page.waitForEvent('download');
  await dashboard.keepPanel.getByRole('button', { name: 'Export as lionherd log' }).click();
  const file = await (await download).path();
  const records = JSON.parse(await readFile(file, 'utf8')) as { execution: { error: unknown } }[];
  expect(records).toHaveLength(2);
  expect(JSON.stringify(records)).toContain('"error":"ExceptionGroup"');

  page.once('dialog', (dialog) => void dialog.accept());
  await dashboard.keepPanel.getByRole('button', { name: 'Clear history' }).click();
  await expect(dashboard.counter('total', 0)).toBeVisible();

  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(file);
  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 2 events');
  await dashboard.rows().filter({ hasText: 'failed' }).click();
  await expect(dashboard.errorTree.getByRole('treeitem')).toHaveCount(4);
});

test('a failed event and its fresh retry export as OpenTelemetry spans linked to each other', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');
  await dashboard.retryFresh();
  await expect(dashboard.counter('total', 2)).toBeVisible();

  const download = page.waitForEvent('download');
  await dashboard.keepPanel.getByRole('button', { name: 'Export OpenTelemetry traces' }).click();
  const traces = JSON.parse(await readFile(await (await download).path(), 'utf8')) as OtlpFile;

  const spans = traces.resourceSpans.flatMap((resource) =>
    resource.scopeSpans.flatMap((scope) => scope.spans),
  );
  expect(spans).toHaveLength(2);
  expect(spans.filter((span) => (span.links ?? []).length === 1)).toHaveLength(1);
});
