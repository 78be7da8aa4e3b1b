import { readFile } from 'node:fs/promises';
import { expect, test } from './support/dashboard.ts';

test('history survives a reload, read-only', async ({ dashboard, page }) => {
  await dashboard.launch('Simple event', { 'Return value': '"kept"' });
  await expect(dashboard.eventStatus).toHaveText('completed');
  await dashboard.launch('Failing event');
  await expect(dashboard.eventStatus).toHaveText('failed');

  await page.reload();

  await expect(dashboard.counter('total', 2)).toBeVisible();
  await expect(dashboard.rows()).toHaveCount(2);
  await dashboard.rows().filter({ hasText: 'Simple event' }).click();
  await expect(dashboard.eventStatus).toHaveText('completed');
  await expect(dashboard.inspector).toContainText('restored from an earlier visit');
  await expect(dashboard.inspector.getByRole('button', { name: 'Invoke again' })).toBeDisabled();
  await expect(dashboard.inspector.getByRole('region', { name: 'Response' })).toContainText(
    '"kept"',
  );
});

test('an exported log can be imported back', async ({ dashboard, page }) => {
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');
  await dashboard.launch('Multi-error event');
  await expect(dashboard.eventStatus).toHaveText('failed');

  const download = page.waitForEvent('download');
  await dashboard.keepPanel.getByRole('button', { name: 'Export log' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { records: unknown[] };
  expect(exported.records).toHaveLength(2);

  page.once('dialog', (dialog) => void dialog.accept());
  await dashboard.keepPanel.getByRole('button', { name: 'Clear history' }).click();
  await expect(dashboard.counter('total', 0)).toBeVisible();

  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(file);

  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 2 events');
  await expect(dashboard.counter('total', 2)).toBeVisible();
  await dashboard.rows().filter({ hasText: 'Multi-error event' }).click();
  await expect(dashboard.inspector).toContainText('imported from');
  await expect(dashboard.errorTree.getByRole('treeitem')).toHaveCount(4);
  await expect(dashboard.inspector.getByRole('button', { name: 'Retry fresh' })).toBeDisabled();
});

test('a malformed log is refused with a message and nothing changes', async ({ dashboard }) => {
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');

  await dashboard.keepPanel.getByLabel('Import log').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "lifecycle-lab", "records": [{"id": 1'),
  });

  await expect(dashboard.keepPanel.getByRole('alert')).toContainText(
    'broken.json was not imported',
  );
  await expect(dashboard.counter('total', 1)).toBeVisible();
});

test('a log saved in another encoding than UTF-8 is refused, saying where', async ({
  dashboard,
}) => {
  // Windows-1252: the "é" of "café" is the single byte 0xE9, not UTF-8's two.
  const log = Buffer.concat([
    Buffer.from('[\n{"id": "caf'),
    Buffer.from([0xe9]),
    Buffer.from('", "created_at": "2026-11-20T09:30:00+00:00"}\n]'),
  ]);
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles({
    name: 'cp1252.json',
    mimeType: 'application/json',
    buffer: log,
  });

  await expect(dashboard.keepPanel.getByRole('alert')).toContainText(
    '"cp1252.json" is not UTF-8 text: the byte at offset 13 (line 2) is not part of any UTF-8 character.',
  );
  await expect(dashboard.counter('total', 0)).toBeVisible();
});

test('a crashed view shows a recoverable message and comes back with Try again', async ({
  dashboard,
  page,
}) => {
  await page.goto('/?crash=inspector');

  const alert = dashboard.inspector.getByRole('alert');
  await expect(alert).toContainText('The Inspector view stopped working');
  await expect(
    dashboard.launchPanel.getByRole('button', { name: 'Launch', exact: true }),
  ).toBeEnabled();

  await alert.getByRole('button', { name: 'Try again' }).click();

  await expect(dashboard.inspector.getByRole('alert')).toHaveCount(0);
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');
});

test('after Clear history the focus moves on to Import log, not to the page', async ({
  dashboard,
  page,
}) => {
  await dashboard.launch('Simple event');
  await expect(dashboard.eventStatus).toHaveText('completed');
  const clear = dashboard.keepPanel.getByRole('button', { name: 'Clear history' });

  page.once('dialog', (dialog) => void dialog.accept());
  await clear.focus();
  await page.keyboard.press('Enter');

  await expect(dashboard.counter('total', 0)).toBeVisible();
  await expect(clear).toBeDisabled();
  await expect(dashboard.keepPanel.getByLabel('Import log')).toBeFocused();
});

test('an import started from the keyboard gives the focus back to Import log', async ({
  dashboard,
}) => {
  const importLog = dashboard.keepPanel.getByLabel('Import log');
  // As the file picker leaves it: the input focused, then given a file.
  await importLog.focus();
  await importLog.setInputFiles('public/samples/lionherd-notebook-run.json');

  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 12 events');
  await expect(importLog).toBeEnabled();
  await expect(importLog).toBeFocused();
});
