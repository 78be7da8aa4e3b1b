import type { EventRecord } from '../../../store';
import { formatSeconds } from '../../common/formatDuration.ts';
import { lineDiff, type DiffLine } from './lineDiff.ts';

/** One compared property of two attempts. */
export interface ComparedField {
  name: string;
  first: string;
  second: string;
  same: boolean;
  /** For multi-line text that differs: the line diff from first to second (`null`: too long). */
  diff?: DiffLine[] | null;
}

/**
 * Two attempts side by side: status, duration, error type and message, verdict, result,
 * parameters and metadata, each as text, with a line diff for the multi-line ones.
 */
export function compareAttempts(first: EventRecord, second: EventRecord): ComparedField[] {
  return [
    field('status', first.status, second.status),
    field('duration', seconds(first), seconds(second)),
    field('error type', first.execution.error?.error ?? '—', second.execution.error?.error ?? '—'),
    field(
      'error message',
      first.execution.error?.message ?? '—',
      second.execution.error?.message ?? '—',
      true,
    ),
    field('verdict', first.verdict ?? '—', second.verdict ?? '—'),
    field('result', json(first.execution.response), json(second.execution.response), true),
    field('parameters', json(first.params), json(second.params), true),
    field('metadata', json(first.metadata), json(second.metadata), true),
  ];
}

function field(name: string, first: string, second: string, multiLine = false): ComparedField {
  const same = first === second;
  if (!multiLine || same || (!first.includes('\n') && !second.includes('\n'))) {
    return { name, first, second, same };
  }
  return { name, first, second, same, diff: lineDiff(first, second) };
}

function seconds(record: EventRecord): string {
  return record.duration === null ? '—' : formatSeconds(record.duration);
}

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}
