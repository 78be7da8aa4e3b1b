import type { EventRecord } from './eventRecord';

/** Why a restored or imported record cannot be `action` (`invoked again`, `cancelled`). */
export function readOnlyMessage(record: EventRecord, action: string): string {
  return `"${record.label}" ${record.id.slice(0, 8)} is ${record.source === 'imported' ? 'imported' : 'restored from an earlier session'} and read-only: it cannot be ${action}. Retry it fresh instead.`;
}
