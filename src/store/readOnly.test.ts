import { describe, expect, test } from 'vitest';
import { eventually } from '../../tests/support/eventually';
import { makeRecord } from '../../tests/interop/makeRecord';
import { FakeBrowser } from './history/testPages';
import { readOnlyMessage, readOnlyOrigin } from './readOnly';
import { errorOf } from './testHelpers';

describe('why a record cannot be acted on here', () => {
  test('a record another open tab is running is said to run there, where it can be cancelled', async () => {
    const browser = new FakeBrowser();
    const first = await browser.openPage();
    const launched = await first.store.getState().launch('slow', { delay: 60 });
    if (!launched.ok) throw new Error(launched.error);
    const [id = ''] = launched.ids;
    await eventually(async () => {
      first.flush();
      expect((await browser.saved()).get(id)?.status).toBe('processing');
    });
    const second = await browser.openPage();
    expect(errorOf(second.store.getState().cancel(id))).toMatch(
      /is running in another tab: it can be cancelled in that tab, not here/,
    );
    browser.closePage(first.tab);
    await eventually(() => {
      expect(second.store.records.get(id)?.status).toBe('cancelled');
    });
    // Interrupted once that tab went: now it is history, from an earlier visit or that tab.
    expect(errorOf(second.store.getState().cancel(id))).toMatch(
      /restored from an earlier visit or another tab and read-only: it cannot be cancelled/,
    );
  });

  test('imported and remote records say where they come from', () => {
    const imported = makeRecord({
      source: 'imported',
      importedFrom: { format: 'lionherd', fileName: 'run.jsonl' },
    });
    expect(readOnlyOrigin(imported)).toBe('imported from run.jsonl');
    expect(readOnlyMessage(imported, 'invoked again')).toMatch(
      /is imported from run\.jsonl and read-only: it cannot be invoked again\. Retry it fresh instead\.$/,
    );
    const remote = makeRecord({
      source: 'remote',
      remote: {
        sourceId: 's1',
        sourceName: 'worker-7',
        seq: 1,
        disconnected: false,
        canRetry: true,
      },
    });
    expect(readOnlyOrigin(remote)).toBe('run by worker-7');
  });
});
