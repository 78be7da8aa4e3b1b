import type { EventRecord } from '../eventRecord';
import { safeIsoString } from './timeRange';
import { writeInSlices, type SliceOptions } from './writeInSlices';

/**
 * The Lifecycle Lab log: what an export writes, and the size limit of an import. Reading a
 * log (`parseLog` in ./parseLog) is loaded only when a log is imported.
 */

/**
 * Largest log file `importLog` reads: 512 MB, about 400,000 exported events. Files are read
 * and checked in a worker; Chromium's longest string is about 512 M characters.
 */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/**
 * Our export: `{ format: 'lifecycle-lab', version: 1, exportedAt, records }`, the envelope
 * indented and each record on a line of its own, so a large log stays compact and diffable.
 */
export function formatLog(records: readonly EventRecord[], exportedAt: Date): string {
  const shape = logShape(records.length, exportedAt);
  return shape.head + records.map(writeRecord).join(shape.separator) + shape.tail;
}

/**
 * {@link formatLog} in slices that leave the browser responsive, as parts for a `Blob`;
 * `parts.join('')` is exactly `formatLog(records, exportedAt)`.
 */
export function formatLogInSlices(
  records: readonly EventRecord[],
  exportedAt: Date,
  options: SliceOptions = {},
): Promise<string[]> {
  return writeInSlices(records, writeRecord, logShape(records.length, exportedAt), options);
}

function logShape(count: number, exportedAt: Date) {
  const head = `{\n  "format": "lifecycle-lab",\n  "version": 1,\n  "exportedAt": ${JSON.stringify(safeIsoString(exportedAt.getTime()))},\n  "records": [`;
  return count === 0
    ? { head, separator: '', tail: ']\n}\n' }
    : { head: `${head}\n    `, separator: ',\n    ', tail: '\n  ]\n}\n' };
}

function writeRecord(record: EventRecord): string {
  return JSON.stringify(record);
}
