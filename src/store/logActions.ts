import { createdMs } from './createdMs';
import type { EventRecord } from './eventRecord';
import { launchChecks } from './lazySchemas';
import { formatLog } from './formats/log';
import { messageOf } from './messageOf';
import type { LionherdReaders, parseLog } from './formats/parseLog';
import type { StoreContext } from './storeContext';
import type { EventStoreActions } from './types';

/** The store's `exportLog` and `importLog`: history out as a log, and logs read back in. */
export function createLogActions(
  context: StoreContext,
): Pick<EventStoreActions, 'exportLog' | 'importLog'> {
  const { get, set, batcher, clock, persister } = context;
  return {
    exportLog() {
      batcher.flush();
      const { records, order } = get();
      const list: EventRecord[] = [];
      for (const id of order) {
        const record = records[id];
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
      const parsed = readers.parseLog(text, readers.lionherd, fileName, options);
      if (!parsed.ok) {
        return parsed.partial === undefined
          ? { ok: false, error: parsed.error }
          : { ok: false, error: parsed.error, partial: parsed.partial };
      }
      const { records } = get();
      const added: EventRecord[] = [];
      const seen = new Set<string>();
      let skipped = 0;
      for (const record of parsed.records) {
        if (record.id in records || seen.has(record.id)) {
          skipped += 1;
          continue;
        }
        seen.add(record.id);
        added.push(asImported(record, parsed.format, fileName));
      }
      if (parsed.format === 'lionherd') {
        // lionherd logs run oldest first; the dashboard lists newest first.
        // Timestamps may carry any UTC offset: compare the times, not the text.
        added.sort((a, b) => createdMs(b) - createdMs(a));
      }
      if (added.length > 0) {
        set((state) => {
          const next = { ...state.records };
          for (const record of added) next[record.id] = record;
          return { records: next, order: [...added.map((record) => record.id), ...state.order] };
        });
        persister.schedule();
      }
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
}

/** The log parsers. This module imports them as types only: `loadLogReaders` fetches them. */
interface LogReaders {
  parseLog: typeof parseLog;
  lionherd: LionherdReaders;
}

/**
 * The parsers of imported logs and their schemas. Most visits never import a log, so they
 * are fetched on the first import rather than with the page.
 */
async function loadLogReaders(): Promise<LogReaders> {
  const [logFormat, lionherdFormat] = await Promise.all([
    import('./formats/parseLog'),
    import('./formats/lionherd'),
  ]);
  return { parseLog: logFormat.parseLog, lionherd: lionherdFormat };
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
