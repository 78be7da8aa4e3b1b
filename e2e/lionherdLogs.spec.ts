import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/dashboard.ts';

const fixture = (path: string): string =>
  fileURLToPath(new URL(`../tests/fixtures/${path}`, import.meta.url));

const SCENARIOS = fixture('lionherd-real/scenarios.json');
const ERROR_SHAPES = fixture('lionherd-python/error-shapes.json');
const SERVICE_LOG = fileURLToPath(
  new URL('../public/samples/lionherd-service-log.jsonl', import.meta.url),
);

test('a log written by lionherd-core comes back from Import and Export exactly as written', async ({
  dashboard,
  page,
}) => {
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(SCENARIOS);
  await expect(dashboard.keepPanel.getByRole('status')).toHaveText(
    'Imported 20 events from scenarios.json.',
  );

  const download = page.waitForEvent('download');
  await dashboard.keepPanel.getByRole('button', { name: 'Export as lionherd log' }).click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as {
    id: string;
  }[];
  const written = JSON.parse(await readFile(SCENARIOS, 'utf8')) as { id: string }[];
  // The dashboard lists newest first; put the records back in the log's order to compare.
  const order = new Map(written.map((record, index) => [record.id, index]));
  exported.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  expect(JSON.stringify(exported)).toBe(JSON.stringify(written));
});

test('a service log in JSON Lines imports with its snapshots merged, and says so', async ({
  dashboard,
}) => {
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(SERVICE_LOG);
  await expect(dashboard.keepPanel.getByRole('status')).toHaveText(
    'Imported 3 events from lionherd-service-log.jsonl (2 snapshots of 1 event merged, one event each).',
  );
  await expect(dashboard.counter('total', 3)).toBeVisible();
});

test('a log with records that do not fit names them, and imports the rest only when asked', async ({
  dashboard,
}) => {
  const records = JSON.parse(await readFile(ERROR_SHAPES, 'utf8')) as Record<string, unknown>[];
  records[2] = { ...records[2], execution: 'failed' };
  const file = { name: 'broken.json', mimeType: 'application/json' };
  await dashboard.keepPanel
    .getByLabel('Import log')
    .setInputFiles({ ...file, buffer: Buffer.from(JSON.stringify(records)) });

  await expect(dashboard.keepPanel.getByRole('alert')).toHaveText(
    'broken.json was not imported: "broken.json" is not a valid lionherd-core log: [2].execution: expected an object with status, duration, response, error and retryable',
  );
  await expect(dashboard.counter('total', 0)).toBeVisible();

  await dashboard.keepPanel
    .getByRole('button', { name: 'Import the 6 events that fit and leave out the rest' })
    .click();
  await expect(dashboard.keepPanel.getByRole('status')).toHaveText(
    'Imported 6 events from broken.json (1 record that does not fit left out).',
  );
  await expect(dashboard.counter('total', 6)).toBeVisible();
});

test('a Python error group shows the retryability Python recorded', async ({ dashboard }) => {
  await dashboard.keepPanel.getByLabel('Import log').setInputFiles(ERROR_SHAPES);
  await expect(dashboard.keepPanel.getByRole('status')).toContainText('Imported 7 events');
  // Newest first: the group of 'upstream calls' (created 19:02:53.25 UTC) is the sixth of seven.
  await dashboard.rows().nth(5).click();
  await expect(dashboard.inspector).toContainText(
    "retryable — as lionherd-core recorded it; this dashboard's rule would say not retryable",
  );
  const root = dashboard.errorTree.getByRole('treeitem').first();
  await expect(root).toContainText('↻ retryable (as recorded)');
  // The group, its ConnectionError, the inner group and its ValidationError, which is not
  // retryable: lionherd-core looks only at a group's direct sub-exceptions.
  await expect(dashboard.errorTree.getByRole('treeitem')).toHaveCount(4);
  await expect(
    dashboard.errorTree.getByRole('treeitem').filter({ hasText: 'age must be positive' }).last(),
  ).toContainText('✖ not retryable');
});
