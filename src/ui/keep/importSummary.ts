import type { ImportResult } from '../../store';

type ImportedLog = Extract<ImportResult, { ok: true }>;

/**
 * What an import did, in one sentence: `Imported 3 events from run.jsonl (4 snapshots of
 * 2 events merged, one event each; 1 record that does not fit left out).`
 */
export function importSummary(result: ImportedLog, fileName: string): string {
  const notes: string[] = [];
  const { merged, skipped, leftOut } = result;
  if (merged.events > 0) {
    notes.push(
      `${count(merged.snapshots, 'snapshot')} of ${count(merged.events, 'event')} merged, one event each`,
    );
  }
  if (skipped > 0) {
    notes.push(
      `${String(skipped)} already in the history, left as ${skipped === 1 ? 'it was' : 'they were'}`,
    );
  }
  const left = new Set(leftOut.map((problem) => problem.record)).size;
  if (left > 0) {
    notes.push(`${count(left, 'record')} that ${left === 1 ? 'does' : 'do'} not fit left out`);
  }
  const details = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return `Imported ${count(result.added, 'event')} from ${fileName}${details}.`;
}

function count(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}
