import type { EventRecord } from '../eventRecord';
import { launchChecks } from '../lazySchemas';
import { formatLog } from '../formats/log';
import { messageOf } from '../messageOf';
import type { ParsedLog } from '../formats/parseLog';
import type { readLogInBackground } from '../formats/readLogInBackground';
import type { Slice, StoreInternals } from '../storeInternals';
import type { RecordsCache } from '../records/recordsCache';
import type { EventStoreActions, ImportOptions, ImportResult, LogFormat } from '../types';
import { yieldToBrowser } from '../yieldToBrowser';

/** The store's `exportLog` and `importLog`: history out as a log, and logs read back in. */
export const createLogSlice =
  (internals: StoreInternals): Slice<Pick<EventStoreActions, 'exportLog' | 'importLog'>> =>
  (_set, get) => {
    const { records, batcher } = internals;
    const { clock } = internals.time;
    return {
      exportLog() {
        batcher.flush();
        const list: EventRecord[] = [];
        for (const id of records.order.toArray()) {
          const record = records.get(id);
          if (record !== undefined) list.push(record);
        }
        return formatLog(list, new Date(clock.now()));
      },

      async importLog(text, fileName, options = {}) {
        let readers: LogReaders;
        try {
          // Imported records can be retried fresh, which takes their kind's schema.
          [readers] = await Promise.all([loadLogReaders(), launchChecks.load()]);
        } catch (error) {
          return {
            ok: false,
            error: `The log reader could not be loaded (${messageOf(error)}). Check the connection and try again.`,
          };
        }
        let parsed: ParsedLog;
        try {
          parsed = await readers.readLogInBackground(text, fileName, options);
          // Merged only once the saved history is in, so a saved record is never replaced.
          await get().whenHydrated();
          options.signal?.throwIfAborted();
        } catch (error) {
          if (options.signal?.aborted !== true) {
            return { ok: false, error: `The file could not be read (${messageOf(error)}).` };
          }
          return cancelledImport();
        }
        if (!parsed.ok) {
          return parsed.partial === undefined
            ? { ok: false, error: parsed.error }
            : { ok: false, error: parsed.error, partial: parsed.partial };
        }
        const fresh = await newRecordsIn(records, parsed.records, options.signal);
        if (fresh === 'cancelled') return cancelledImport();
        const listed = await addInSlices(records, fresh, parsed.format, fileName, options);
        if (listed === 'cancelled') return cancelledImport();
        // Done once it is on disk: a page closed or reloaded just after "Imported" keeps it.
        const durable = internals.history?.connection.current() ?? null;
        const saved = await durable?.whenSaved(
          listed.map((record) => record.id),
          (done, total) => options.onProgress?.({ phase: 'saving', saved: done, total }),
          options.signal,
        );
        if (saved === 'cancelled') {
          takeBack(records, listed);
          return cancelledImport();
        }
        const added = listed.length;
        const skipped = parsed.records.length - fresh.length;
        return {
          ok: true,
          added,
          skipped,
          format: parsed.format,
          merged: parsed.merged ?? { events: 0, snapshots: 0 },
          leftOut: parsed.leftOut ?? [],
        };
      },
    };
  };

/** What `importLog` answers when it was cancelled: nothing of the import is kept. */
function cancelledImport(): ImportResult {
  return { ok: false, cancelled: true, error: 'The import was cancelled: nothing was added.' };
}

/** Records an import lists per task. */
export const IMPORT_SLICE = 1_000;

/**
 * The records of `read` not in the history yet, in their order (newest first), the first of
 * any id: records already here stay as they are. A slice per task, like the listing.
 */
async function newRecordsIn(
  records: RecordsCache,
  read: readonly EventRecord[],
  signal: AbortSignal | undefined,
): Promise<EventRecord[] | 'cancelled'> {
  const fresh: EventRecord[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < read.length; start += IMPORT_SLICE) {
    if (start > 0) {
      await yieldToBrowser();
      if (signal?.aborted === true) return 'cancelled';
    }
    for (const record of read.slice(start, start + IMPORT_SLICE)) {
      if (records.has(record.id) || seen.has(record.id)) continue;
      seen.add(record.id);
      fresh.push(record);
    }
  }
  return fresh;
}

/**
 * Lists `fresh` (newest first) above the history, oldest first so that the newest ends on
 * top, a slice per task: each slice is listed, counted and queued for disk in one short task,
 * so a log of 100,000 records never holds the page. Cancelled between slices, it takes back
 * what it listed (the records nothing replaced since): nothing is left of the import.
 */
async function addInSlices(
  records: RecordsCache,
  fresh: readonly EventRecord[],
  format: LogFormat,
  fileName: string | undefined,
  options: ImportOptions,
): Promise<EventRecord[] | 'cancelled'> {
  const listed: EventRecord[] = [];
  for (let end = fresh.length; end > 0; end -= IMPORT_SLICE) {
    if (end < fresh.length) {
      options.onProgress?.({ phase: 'adding', added: listed.length, total: fresh.length });
      await yieldToBrowser();
      if (options.signal?.aborted === true) {
        takeBack(records, listed);
        return 'cancelled';
      }
    }
    const slice: EventRecord[] = [];
    for (let index = end - 1; index >= Math.max(0, end - IMPORT_SLICE); index--) {
      const record = fresh[index];
      if (record !== undefined) slice.push(asImported(record, format, fileName));
    }
    records.upsert(slice, 'newer');
    listed.push(...slice);
  }
  return listed;
}

/** Removes what an import listed, the records nothing replaced since: nothing of it is left. */
function takeBack(records: RecordsCache, listed: readonly EventRecord[]): void {
  records.remove(listed.filter((record) => records.get(record.id) === record).map(({ id }) => id));
}

/** The log parsers. This module imports them as types only: `loadLogReaders` fetches them. */
interface LogReaders {
  readLogInBackground: typeof readLogInBackground;
}

/**
 * The parsers of imported logs and their schemas. Most visits never import a log, so they
 * are fetched on the first import rather than with the page.
 */
async function loadLogReaders(): Promise<LogReaders> {
  const { readLogInBackground } = await import('../formats/readLogInBackground');
  return { readLogInBackground };
}

/** An imported record: read-only, marked with where it came from. */
function asImported(
  record: EventRecord,
  format: LogFormat,
  fileName: string | undefined,
): EventRecord {
  const importedFrom: NonNullable<EventRecord['importedFrom']> = record.importedFrom ?? { format };
  if (fileName !== undefined && importedFrom.fileName === undefined) {
    return { ...record, source: 'imported', importedFrom: { ...importedFrom, fileName } };
  }
  return { ...record, source: 'imported', importedFrom };
}
