import type { BridgeEventUpdate } from '../../src/lib/bridge/protocol.ts';
import type { EventDict, Transition } from '../../src/lib/event.ts';
import type { JsonValue } from '../../src/lib/serialize/toJsonSafe.ts';
import { isEventStatus } from '../../src/lib/status.ts';
import { wouldGoBack } from '../../src/store/formats/lionherdSnapshots.ts';
import { parsePythonTimestamp } from '../../src/store/formats/pythonTimestamp.ts';
import { isDurationSeconds, isEpochMs } from '../../src/store/formats/timeRange.ts';
import { tooDeepProblem, type Checked } from './validateBatch.ts';

/** A lionherd-core `Event.to_dict(mode="json")` record, checked enough to be merged. */
export type LionherdRecord = EventDict & Record<string, JsonValue>;

/** Deepest error nesting checked; lionherd-core itself cuts at 100. */
const MAX_ERROR_DEPTH = 100;

/**
 * Reads the body of `POST /lionherd`: one lionherd-core record, a JSON array of them, or JSON
 * Lines (one record per line). Every record is checked before any is used; a rejection says
 * which record and what is wrong (`[2].execution.status: …`). The dashboard converts the
 * records (Python error names, `ExceptionGroup`) as it does imported lionherd logs.
 */
export function parseLionherdBody(text: string): Checked<LionherdRecord[]> {
  let records: unknown[];
  try {
    const parsed: unknown = JSON.parse(text);
    records = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    records = [];
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        records.push(JSON.parse(line));
      } catch (error) {
        return {
          ok: false,
          error: `line ${String(index + 1)} is not JSON (${error instanceof Error ? error.message : 'unreadable'}); send one JSON record, a JSON array, or JSON Lines`,
        };
      }
    }
  }
  if (records.length === 0) return { ok: false, error: 'no records: the body is empty' };
  for (const [index, record] of records.entries()) {
    const problem = recordProblem(record);
    if (problem !== null) return { ok: false, error: `[${String(index)}]${problem}` };
  }
  return { ok: true, value: records as LionherdRecord[] };
}

function recordProblem(value: unknown): string | null {
  if (!isObject(value)) return ': expected a lionherd-core Event.to_dict record (an object)';
  const tooDeep = tooDeepProblem(value);
  if (tooDeep !== null) return tooDeep;
  if (typeof value.id !== 'string' || value.id === '') return '.id: expected the event id as text';
  // The dashboard's own rules (src/store/formats/lionherd.ts): a record the receiver kept but
  // the dashboard could not read would be lost without a word.
  const created =
    typeof value.created_at === 'string' ? parsePythonTimestamp(value.created_at) : undefined;
  if (created === undefined) {
    return '.created_at: expected an ISO 8601 timestamp with a UTC offset, e.g. 2026-11-20T09:30:00.157000+00:00';
  }
  if (!isEpochMs(created))
    return '.created_at: expected a time between 1970 and the end of year 9999';
  if (value.metadata !== undefined && !isObject(value.metadata))
    return '.metadata: expected an object';
  const execution = value.execution;
  if (!isObject(execution))
    return '.execution: expected an object with status, duration, response, error and retryable';
  if (!isEventStatus(execution.status)) {
    return `.execution.status: expected one of pending|processing|completed|failed|cancelled|skipped|aborted, got ${execution.status === undefined ? 'nothing' : JSON.stringify(execution.status)}`;
  }
  const { duration, retryable, error } = execution;
  if (duration !== null && !(typeof duration === 'number' && isDurationSeconds(duration))) {
    return '.execution.duration: expected seconds (a number ≥ 0 that ends before the end of year 9999) or null';
  }
  if (retryable !== null && typeof retryable !== 'boolean')
    return '.execution.retryable: expected true, false or null';
  if (error !== null) {
    const problem = errorProblem(error, 0);
    if (problem !== null) return `.execution.error${problem}`;
  }
  return null;
}

function errorProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_ERROR_DEPTH) return ': nested too deep';
  if (!isObject(value)) return ': expected { error, message } or null';
  if (typeof value.error !== 'string') return '.error: expected the error class name as text';
  if (typeof value.message !== 'string') return '.message: expected the error message as text';
  if (value.retryable !== undefined && typeof value.retryable !== 'boolean')
    return '.retryable: expected true or false';
  if (value.details !== undefined && !isObject(value.details))
    return '.details: expected an object';
  if (value.exceptions === undefined) return null;
  if (!Array.isArray(value.exceptions)) return '.exceptions: expected an array';
  for (const [index, inner] of value.exceptions.entries()) {
    const problem = errorProblem(inner, depth + 1);
    if (problem !== null) return `.exceptions[${String(index)}]${problem}`;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The update for a new snapshot of a lionherd event, merged into what the receiver knew of
 * it. Python records carry no transition times: the first snapshot's timeline is rebuilt from
 * `created_at` and `duration`, and a status seen later is dated when its snapshot arrived.
 */
export function lionherdUpdate(
  record: LionherdRecord,
  previous: BridgeEventUpdate | undefined,
  seq: number,
  now: number,
): BridgeEventUpdate {
  // A snapshot that would move the event backwards (a late "processing" after "completed")
  // is older news: what is known stays, as the dashboard's Import log merges snapshots.
  if (
    previous !== undefined &&
    wouldGoBack(previous.event.execution.status, record.execution.status)
  ) {
    return { ...previous, seq };
  }
  const { id: _id, created_at: _createdAt, metadata, execution: _execution, ...fields } = record;
  const lionClass = (metadata as Record<string, unknown> | undefined)?.lion_class;
  const rebuilt = rebuildTransitions(record, now);
  return {
    seq,
    kind: typeof lionClass === 'string' ? (lionClass.split('.').at(-1) ?? lionClass) : 'Event',
    notifications: [],
    transitions:
      previous === undefined ? rebuilt : mergeTransitions(previous.transitions, rebuilt, now),
    progress: null,
    progressMessage: null,
    event: record,
    verdict: null,
    params: fields,
    format: 'lionherd',
  };
}

function rebuildTransitions(record: LionherdRecord, now: number): Transition[] {
  const created = Math.min(Date.parse(record.created_at), now);
  const { status, duration } = record.execution;
  const transitions: Transition[] = [{ status: 'pending', at: created }];
  if (status === 'pending') return transitions;
  const ran =
    status !== 'skipped' && status !== 'aborted' && !(status === 'cancelled' && duration === null);
  if (ran) transitions.push({ status: 'processing', at: created });
  if (status !== 'processing') transitions.push({ status, at: created + (duration ?? 0) * 1000 });
  return transitions;
}

function mergeTransitions(
  before: readonly Transition[],
  rebuilt: readonly Transition[],
  now: number,
): Transition[] {
  const merged = [...before];
  const seen = new Set(before.map((step) => step.status));
  for (const step of rebuilt) {
    if (seen.has(step.status)) continue;
    const last = merged.at(-1)?.at ?? step.at;
    merged.push({ status: step.status, at: Math.max(last, Math.min(step.at, now)) });
    seen.add(step.status);
  }
  return merged;
}

/** Whether a snapshot says nothing new about the event (the same execution). */
export function sameSnapshot(a: BridgeEventUpdate, b: BridgeEventUpdate): boolean {
  return JSON.stringify(a.event.execution) === JSON.stringify(b.event.execution);
}
