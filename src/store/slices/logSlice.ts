import { compareByCreated } from '../createdMs';
import type { EventRecord } from '../eventRecord';
import { launchChecks } from '../lazySchemas';
import { formatLog } from '../formats/log';
import { messageOf } from '../messageOf';
import type { ParsedLog } from '../formats/parseLog';
import type { readLogInBackground } from '../formats/readLogInBackground';
import type { Slice, StoreInternals } from '../storeInternals';
import type { EventStoreActions } from '../types';

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
          return {
            ok: false,
            cancelled: true,
            error: 'The import was cancelled: nothing was added.',
          };
        }
        if (!parsed.ok) {
          return parsed.partial === undefined
            ? { ok: false, error: parsed.error }
            : { ok: false, error: parsed.error, partial: parsed.partial };
        }
        const added: EventRecord[] = [];
        const seen = new Set<string>();
        let skipped = 0;
        for (const record of parsed.records) {
          if (records.has(record.id) || seen.has(record.id)) {
            skipped += 1;
            continue;
          }
          seen.add(record.id);
          added.push(asImported(record, parsed.format, fileName));
        }
        if (parsed.format === 'lionherd') {
          // lionherd logs run oldest first; the dashboard lists newest first.
          // Timestamps may carry any UTC offset: compare the times, not the text.
          // Records of the same millisecond by id, as the history lists them.
          added.sort((a, b) => compareByCreated(b, a));
        }
        // Listed above the history, in the file's order (newest first).
        records.upsert([...added].reverse(), 'newer');
        return {
          ok: true,
          added: added.length,
          skipped,
          format: parsed.format,
          merged: parsed.merged ?? { events: 0, snapshots: 0 },
          leftOut: parsed.leftOut ?? [],
        };
      },
    };
  };

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
  format: 'lifecycle-lab' | 'lionherd',
  fileName: string | undefined,
): EventRecord {
  const importedFrom: NonNullable<EventRecord['importedFrom']> = record.importedFrom ?? { format };
  if (fileName !== undefined && importedFrom.fileName === undefined) {
    return { ...record, source: 'imported', importedFrom: { ...importedFrom, fileName } };
  }
  return { ...record, source: 'imported', importedFrom };
}
