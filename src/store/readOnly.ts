import { isTerminalStatus } from '../lib';
import type { EventRecord } from './eventRecord';

/**
 * `true` for a record another open tab of this page is running: history shares it read-only
 * here, and that tab can still act on it. (A record restored from an earlier visit that was
 * running comes back interrupted, so one not ended yet can only be another tab's.)
 */
export function isRunningInAnotherTab(record: EventRecord): boolean {
  return record.source === 'restored' && !isTerminalStatus(record.status);
}

/** Where a record that is not live here comes from, in words (`imported from a.jsonl`, …). */
export function readOnlyOrigin(record: EventRecord): string {
  if (record.source === 'imported') {
    const fileName = record.importedFrom?.fileName;
    return fileName === undefined ? 'imported' : `imported from ${fileName}`;
  }
  if (record.source === 'remote') return `run by ${record.remote?.sourceName ?? 'another process'}`;
  if (isRunningInAnotherTab(record)) return 'running in another tab';
  return 'restored from an earlier visit or another tab';
}

/** Why a record that is not live here cannot be `action` (`invoked again`, `cancelled`). */
export function readOnlyMessage(record: EventRecord, action: string): string {
  const what = `"${record.label}" ${record.id.slice(0, 8)} is ${readOnlyOrigin(record)}`;
  if (isRunningInAnotherTab(record)) {
    return `${what}: it can be ${action} in that tab, not here. Retry it fresh here once it ended.`;
  }
  return `${what} and read-only: it cannot be ${action}. Retry it fresh instead.`;
}
