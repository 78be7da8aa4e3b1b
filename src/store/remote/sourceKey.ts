import type { EventRecord } from '../eventRecord';

/** The source key of records made in this page (and restored from its history). */
export const THIS_PAGE = 'this-page';

/**
 * Which source a record belongs to, as a filter key: `this-page`, `imported:<file>`, or
 * `remote:<name>` (every run of a process shares its name's key).
 */
export function sourceKeyOf(record: EventRecord): string {
  if (record.remote !== undefined) return `remote:${record.remote.sourceName}`;
  if (record.source === 'imported') return `imported:${record.importedFrom?.fileName ?? 'log'}`;
  return THIS_PAGE;
}

/** The source in words, for the badge on each row. */
export function sourceLabelOf(record: EventRecord): string {
  if (record.remote !== undefined) return record.remote.sourceName;
  if (record.source === 'imported')
    return `imported${record.importedFrom?.fileName === undefined ? '' : ` · ${record.importedFrom.fileName}`}`;
  if (record.source === 'restored') return 'this page · earlier session';
  return 'this page';
}
