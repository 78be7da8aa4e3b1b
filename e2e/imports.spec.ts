import { readFile } from 'node:fs/promises';
import type { EventRecord } from '../src/store/eventRecord.ts';
import { expect, test } from './support/dashboard.ts';
import { digestOf, writeBigLog } from './support/bigLog.ts';

/** An export's records, read from a download. */
async function recordsOf(file: string): Promise<EventRecord[]> {
  return (JSON.parse(await readFile(file, 'utf8')) as { records: EventRecord[] }).records;
}

test('a long import shows its progress with counts and can be cancelled, adding nothing', async ({
  dashboard,
}, testInfo) => {
  test.setTimeout(180_000);
  const file = testInfo.outputPath('hundred-thousand.json');
  await writeBigLog(file, 100_000);

  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(file);
  const progress = dashboard.keepPanel.getByRole('progressbar', {
    name: /^Importing [\d,]+ of 100,000$/,
  });
  await expect(progress).toBeVisible({ timeout: 90_000 });
  await dashboard.keepPanel.getByRole('button', { name: 'Cancel' }).click();

  await expect(dashboard.keepPanel.getByRole('status')).toHaveText(
    'The import of hundred-thousand.json was cancelled: nothing was added.',
  );
  await expect(progress).toBeHidden();
  await expect(dashboard.counter('total', 0)).toBeVisible();
});

// Slow by nature: two imports and two exports of 100,000 records, each import also written to
// the history database; it took 3.6 min on a shared 2-core machine.
test("the app's own export of 100,000 events imports back exactly in a fresh profile", async ({
  dashboard,
  page,
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const generated = testInfo.outputPath('generated.json');
  const written = await writeBigLog(generated, 100_000);

  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(generated);
  await expect(dashboard.keepPanel.getByRole('status')).toHaveText(
    'Imported 100000 events from generated.json.',
    { timeout: 120_000 },
  );
  await expect(dashboard.counter('total', 100_000)).toBeVisible();

  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dashboard.keepPanel.getByRole('button', { name: 'Export log' }).click();
  const exportedFile = await (await download).path();
  const exported = await recordsOf(exportedFile);
  expect(exported).toHaveLength(100_000);
  // What was imported is what the file held, marked as imported from it.
  const asImported = written.map((record) => ({
    ...record,
    source: 'imported',
    importedFrom: { format: 'lifecycle-lab', fileName: 'generated.json' },
  }));
  expect(digestOf(exported)).toBe(digestOf(asImported));
  expect(exported[12_345]).toEqual(asImported[12_345]);

  // A fresh profile: a new browser context with nothing stored.
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto('/');
    const keep = other.getByRole('region', { name: 'Keep' });
    await keep.getByLabel('Import log').setInputFiles(exportedFile);
    await expect(keep.getByRole('status')).toHaveText(/^Imported 100000 events from /, {
      timeout: 120_000,
    });
    const again = other.waitForEvent('download', { timeout: 120_000 });
    await keep.getByRole('button', { name: 'Export log' }).click();
    const reExported = await recordsOf(await (await again).path());
    expect(reExported).toHaveLength(100_000);
    expect(digestOf(reExported)).toBe(digestOf(exported));
    expect(reExported[0]).toEqual(exported[0]);
    expect(reExported[99_999]).toEqual(exported[99_999]);
  } finally {
    await fresh.close();
  }
});
