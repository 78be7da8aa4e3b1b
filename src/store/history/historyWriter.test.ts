import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { systemClock } from '../../lib';
import { makeRecord } from '../../../tests/interop/makeRecord';
import type { EventRecord } from '../eventRecord';
import { openHistoryDatabase, type StoredRow } from './historyDatabase';
import { createHistoryDisk, type HistoryDisk } from './historyDisk';
import { createHistoryWriter, MAX_BATCHES_IN_FLIGHT, MAX_ROWS_PER_FLUSH } from './historyWriter';
import type { RecordChanges } from './recordsPort';

function records(count: number, status: EventRecord['status'] = 'completed'): EventRecord[] {
  return Array.from({ length: count }, (_, index) =>
    makeRecord({ id: `record-${String(index)}`, status }),
  );
}

/** A disk in memory that honours `enough`, as the real one does. */
function memoryDisk(): HistoryDisk & { rows: Map<string, StoredRow>; writes: number[] } {
  const rows = new Map<string, StoredRow>();
  const writes: number[] = [];
  return {
    rows,
    writes,
    write(toWrite, removed, cleared, enough) {
      if (cleared) rows.clear();
      for (const id of removed) rows.delete(id);
      let written = 0;
      for (const row of toWrite) {
        rows.set(row.id, row);
        written += 1;
        if (enough?.() === true) break;
      }
      writes.push(written);
      return Promise.resolve(written);
    },
  };
}

/** A writer flushed by hand, on a budget clock that moves 1 ms each time it is read. */
function budgetedWriter(disk: HistoryDisk, budgetMs: number, minRowsPerFlush = 1) {
  let time = 0;
  const committed: RecordChanges[] = [];
  const writer = createHistoryWriter({
    disk,
    tab: 'page-1',
    clock: systemClock,
    scheduleFlush: () => undefined,
    onCommitted: (changes) => committed.push(changes),
    onTrouble: () => undefined,
    flushBudgetMs: budgetMs,
    minRowsPerFlush,
    now: () => (time += 1),
  });
  writer.start();
  return { writer, committed };
}

describe('history writer time budget', () => {
  test('a flush stops putting records once its budget is spent; the next flushes write the rest', async () => {
    const disk = memoryDisk();
    const { writer, committed } = budgetedWriter(disk, 3);
    writer.accept({ upserted: records(10), removed: [], cleared: false });
    await writer.flush();
    // The clock is read once per put: the budget runs from the first put to the fourth.
    expect(disk.writes).toEqual([4]);
    expect(committed.flatMap((changes) => changes.upserted.map((record) => record.id))).toEqual([
      'record-0',
      'record-1',
      'record-2',
      'record-3',
    ]);
    while (disk.rows.size < 10) await writer.flush();
    expect(disk.writes).toEqual([4, 4, 2]);
    expect(committed.flatMap((changes) => changes.upserted).length).toBe(10);
  });

  test('a small batch is written whole, in one flush, however slow its puts', async () => {
    const disk = memoryDisk();
    const { writer } = budgetedWriter(disk, 1, 25);
    writer.accept({ upserted: records(25), removed: [], cleared: false });
    await writer.flush();
    expect(disk.writes).toEqual([25]);
    writer.accept({ upserted: records(60), removed: [], cleared: false });
    await writer.flush();
    expect(disk.writes).toEqual([25, 25]);
  });

  test('a change accepted during a budgeted flush is written rather than the older copy left over', async () => {
    const disk = memoryDisk();
    const { writer } = budgetedWriter(disk, 1);
    writer.accept({ upserted: records(3, 'processing'), removed: [], cleared: false });
    const flushing = writer.flush();
    writer.accept({ upserted: records(3, 'completed'), removed: [], cleared: false });
    await flushing;
    while (disk.rows.size < 3) await writer.flush();
    await writer.flush();
    expect([...disk.rows.values()].map((row) => row.record.status)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
  });

  test('what a budgeted flush left over is dropped when the history is cleared meanwhile', async () => {
    const disk = memoryDisk();
    const { writer } = budgetedWriter(disk, 2);
    writer.accept({ upserted: records(6), removed: [], cleared: false });
    const flushing = writer.flush();
    writer.accept({ upserted: [], removed: [], cleared: true });
    await flushing;
    await writer.flush();
    await writer.flush();
    expect(disk.rows.size).toBe(0);
  });
});

describe('history disk', () => {
  test('stops putting rows once `enough` says so, and says how many it wrote', async () => {
    const factory = new IDBFactory();
    const disk = createHistoryDisk(() => openHistoryDatabase(factory, 'disk-test'));
    const rows = records(10).map((record, index) => ({
      id: record.id,
      at: index,
      savedAt: 0,
      tab: 'page-1',
      record,
    }));
    let asked = 0;
    const written = await disk.write(rows, [], false, () => (asked += 1) >= 4);
    expect(written).toBe(4);
    const db = await disk.database();
    expect((await db.getAllKeys('records')).sort()).toEqual([
      'record-0',
      'record-1',
      'record-2',
      'record-3',
    ]);
  });
});

/** A disk whose writes end only when the test says so, in order, or fail. */
function manualDisk() {
  const calls: {
    ids: string[];
    resolve: (written: number) => void;
    reject: (error: Error) => void;
  }[] = [];
  const disk: HistoryDisk = {
    write: (rows) =>
      new Promise<number>((resolve, reject) => {
        calls.push({ ids: rows.map((row) => row.id), resolve, reject });
      }),
  };
  return { disk, calls };
}

/** A writer whose scheduled flushes run when the test says so. */
function pipelinedWriter(disk: HistoryDisk) {
  const scheduled: (() => void)[] = [];
  const writer = createHistoryWriter({
    disk,
    tab: 'page-1',
    clock: systemClock,
    scheduleFlush: (flush) => scheduled.push(flush),
    onCommitted: () => undefined,
    onTrouble: () => undefined,
  });
  writer.start();
  const runScheduled = async (): Promise<void> => {
    while (scheduled.length > 0) scheduled.shift()?.();
    await Promise.resolve();
  };
  return { writer, scheduled, runScheduled };
}

describe('history writer pipeline', () => {
  test('a backlog goes in several batches at once, each writing while the one before commits', async () => {
    const { disk, calls } = manualDisk();
    const { writer, runScheduled } = pipelinedWriter(disk);
    writer.accept({ upserted: records(5_000), removed: [], cleared: false });
    for (let turn = 0; turn < 5; turn++) await runScheduled();
    expect(calls).toHaveLength(MAX_BATCHES_IN_FLIGHT);
    expect(calls.map((call) => call.ids.length)).toEqual(
      Array.from({ length: MAX_BATCHES_IN_FLIGHT }, () => MAX_ROWS_PER_FLUSH),
    );
    calls[0]?.resolve(MAX_ROWS_PER_FLUSH);
    for (let turn = 0; turn < 5; turn++) await runScheduled();
    expect(calls).toHaveLength(MAX_BATCHES_IN_FLIGHT + 1);
  });

  test('a failed batch puts back only what no later batch took, and nothing after a clear', async () => {
    const { disk, calls } = manualDisk();
    const { writer, runScheduled } = pipelinedWriter(disk);
    writer.accept({ upserted: records(2, 'processing'), removed: [], cleared: false });
    await runScheduled();
    writer.accept({ upserted: records(1, 'completed'), removed: [], cleared: false });
    await runScheduled();
    expect(calls.map((call) => call.ids)).toEqual([['record-0', 'record-1'], ['record-0']]);
    calls[0]?.reject(new Error('refused'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // record-1 goes again; record-0's older copy does not, the later batch holds a newer one.
    expect(writer.unsaved().map((record) => [record.id, record.status])).toEqual([
      ['record-0', 'completed'],
      ['record-1', 'processing'],
    ]);
    writer.accept({ upserted: [], removed: [], cleared: true });
    calls[1]?.reject(new Error('refused'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writer.unsaved()).toEqual([]);
    writer.stop();
  });

  test('flushAll writes everything queued in one batch, whatever the budget, without waiting', async () => {
    const { disk, calls } = manualDisk();
    const { writer, scheduled } = pipelinedWriter(disk);
    writer.accept({ upserted: records(2_500), removed: [], cleared: false });
    scheduled.shift()?.(); // one budgeted batch goes, and is still committing
    const all = writer.flushAll();
    await Promise.resolve();
    expect(calls.map((call) => call.ids.length)).toEqual([
      MAX_ROWS_PER_FLUSH,
      2_500 - MAX_ROWS_PER_FLUSH,
    ]);
    for (const call of calls) call.resolve(call.ids.length);
    await all;
    expect(writer.unsaved()).toEqual([]);
  });
});
