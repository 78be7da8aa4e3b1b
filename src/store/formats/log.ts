import type { EventRecord } from '../eventRecord';
import type { LifecycleLabLog } from '../types';

/**
 * The Lifecycle Lab log: what an export writes, and the size limit of an import. Reading a
 * log (`parseLog` in ./parseLog) is loaded only when a log is imported.
 */

/** Largest log file `importLog` reads: 5 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Our export: `{ format: 'lifecycle-lab', version: 1, exportedAt, records }`, indented. */
export function formatLog(records: EventRecord[], exportedAt: Date): string {
  const log: LifecycleLabLog = {
    format: 'lifecycle-lab',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    records,
  };
  return JSON.stringify(log, null, 2);
}
