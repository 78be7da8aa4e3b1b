import {
  EVENT_STATUSES,
  type EventStatus,
  type ExecutionDict,
  type JsonValue,
  type Transition,
} from '../../lib';
import type { EventRecord, ImportedFrom } from '../eventRecord';
import { parseReturnValue } from '../parseReturnValue';
import { describeIssue, formatPath } from '../recordSchema';
import { z } from '../zod';
import { findTooDeep, MAX_NESTING_DEPTH } from './nestingDepth';
import { parsePythonTimestamp } from './pythonTimestamp';
import { isDurationSeconds, isEpochMs } from './timeRange';
import { withoutStackTraces } from './withoutStackTraces';
import { mergeSnapshots, type MergedEvent, type Snapshot } from './lionherdSnapshots';
import {
  fromPythonError,
  recordedVerdict,
  toPythonError,
  type PythonErrorDict,
} from './pythonErrors';

/**
 * lionherd-core (Python) interop: logs made of `Event.to_dict(mode="json")` records, as a
 * JSON array or as JSON Lines (one record per line, as a logger appends them).
 *
 * ```json
 * { "id": "…", "created_at": "2026-11-30T19:02:52.611166+00:00",
 *   "metadata": { "lion_class": "__main__.SlowEvent" },
 *   "execution": { "status": "cancelled", "duration": 0.0507, "response": null,
 *                  "error": { "error": "TimeoutError", "message": "…", "retryable": true },
 *                  "retryable": true },
 *   "delay": 1.0, "return_value": "completed" }
 * ```
 *
 * Python to the dashboard and back:
 * - Every record keeps what Python wrote (`importedFrom.asWritten`), and "Export as lionherd
 *   log" writes that back unchanged: every key in its order, timestamps as the strings they
 *   were, field names as they were. The dashboard's own fields are read from it:
 *   `createdAt` and `metadata.original.created_at` are the strings as written, subclass
 *   fields after `execution` are the `params` under their Python names, and
 *   `metadata.lion_class` moves to `importedFrom.lionClass` (lionherd's `from_dict` pops it).
 * - `ExceptionGroup` errors become `AggregateError` for the error tree (./pythonErrors), and
 *   the verdict is the retryability Python recorded.
 * - The same id several times is one event logged at several moments (./lionherdSnapshots).
 * - Python keeps no transition times: the timeline is rebuilt from `created_at`, `duration`
 *   and the statuses of the snapshots, taking the work to have started at `created_at`.
 *
 * Native events to Python: `lion_class` names a class of `docs/lifecycle_lab.py`, the params
 * are its fields in snake_case (`returnValue` → `return_value`), with the types the event
 * was given (`return_value: 42`, parsed as the launch parses it). An `AggregateError` is
 * written as Python's `ExceptionGroup`, with ` (N sub-exceptions)` in its message.
 */

/** A record that does not fit: which record, which field, what is wrong. */
export interface RecordProblem {
  /** `[3]` in a JSON array, `line 4` in JSON Lines. */
  record: string;
  /** The field inside the record (`execution.status`); empty for the whole record. */
  field: string;
  message: string;
}

/** Events the log wrote more than once, and how many records they took. */
export interface MergedSnapshots {
  events: number;
  snapshots: number;
}

export interface LionherdReadOptions {
  /** Import the records that fit and leave out the ones that do not (default: none). */
  importValid?: boolean;
}

export type LionherdReadResult =
  | { ok: true; records: EventRecord[]; merged: MergedSnapshots; leftOut: RecordProblem[] }
  | {
      ok: false;
      error: string;
      problems: RecordProblem[];
      /** Events the records that fit would make, for an import of those alone. */
      importable: number;
    };

const jsonSchema = z.json();

const pythonErrorSchema: z.ZodMiniType<PythonErrorDict> = z.lazy(() =>
  z.looseObject({
    error: z.string({ error: 'expected the error class name as text' }),
    message: z.string({ error: 'expected the error message as text' }),
    retryable: z.optional(z.boolean()),
    details: z.optional(z.record(z.string(), jsonSchema)),
    exceptions: z.optional(z.array(pythonErrorSchema)),
  }),
);

const pythonRecordSchema = z.catchall(
  z.object(
    {
      id: z
        .string({ error: 'expected the event id as text' })
        .check(z.minLength(1, 'must not be empty')),
      created_at: z.string({ error: 'expected an ISO 8601 timestamp' }).check(
        z.refine((text) => parsePythonTimestamp(text) !== undefined, {
          error:
            'expected an ISO 8601 timestamp with a UTC offset, e.g. 2026-11-20T09:30:00.157000+00:00',
          abort: true,
        }),
        z.refine((text) => isEpochMs(parsePythonTimestamp(text) ?? 0), {
          error: 'expected a time between 1970 and the end of year 9999',
        }),
      ),
      metadata: z._default(z.record(z.string(), jsonSchema), {}),
      execution: z.object(
        {
          status: z.enum(EVENT_STATUSES as [EventStatus, ...EventStatus[]]),
          duration: z.nullable(
            z.number().check(
              z.nonnegative(),
              z.refine(isDurationSeconds, {
                error: 'expected seconds that end before the end of year 9999',
              }),
            ),
          ),
          response: jsonSchema,
          error: z.nullable(pythonErrorSchema),
          retryable: z.nullable(z.boolean()),
        },
        { error: 'expected an object with status, duration, response, error and retryable' },
      ),
    },
    { error: 'expected an Event.to_dict record (an object with id, created_at, execution)' },
  ),
  jsonSchema,
);

type PythonRecord = z.output<typeof pythonRecordSchema>;

/** A valid record and the object it was read from, key order and all. */
interface ReadRecord {
  id: string;
  created_at: string;
  execution: PythonRecord['execution'];
  written: Record<string, JsonValue>;
}

/** Keys of `Event.to_dict` that are not subclass fields. */
const EVENT_KEYS = new Set(['id', 'created_at', 'metadata', 'execution']);

/** Problems named in an error message; the rest are counted. */
const PROBLEMS_NAMED = 5;

/**
 * Reads a lionherd-core log given as a JSON array. Every record is checked; a record that
 * does not fit is reported by record and field (`[3].execution.status: expected one of
 * pending|…`) and, unless `importValid` is set, nothing is read. Pure and never throws.
 *
 * ```ts
 * const result = parseLionherdLog(JSON.parse(text), 'run.json');
 * if (result.ok) store.add(result.records); else show(result.error);
 * ```
 */
export function parseLionherdLog(
  data: unknown,
  fileName?: string,
  options: LionherdReadOptions = {},
): LionherdReadResult {
  if (!Array.isArray(data)) {
    return {
      ok: false,
      error: `expected a JSON array of lionherd-core Event.to_dict records, got ${describeJsonType(data)}`,
      problems: [],
      importable: 0,
    };
  }
  const entries = data.map((value: unknown, index) => ({ where: `[${index}]`, value }));
  return readRecords(entries, [], fileName, options);
}

/**
 * Reads a lionherd-core log given as JSON Lines: one `Event.to_dict(mode="json")` record per
 * line, blank lines ignored. A line that is not JSON is a problem of that line. Pure and
 * never throws.
 */
export function parseLionherdLines(
  text: string,
  fileName?: string,
  options: LionherdReadOptions = {},
): LionherdReadResult {
  const entries: { where: string; value: unknown }[] = [];
  const problems: RecordProblem[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `line ${index + 1}`;
    try {
      entries.push({ where, value: JSON.parse(line) });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push({ record: where, field: '', message: `not valid JSON (${detail})` });
    }
  }
  return readRecords(entries, problems, fileName, options);
}

/** `[3].execution.status: …` or `line 4, execution.status: …`. */
export function formatProblem(problem: RecordProblem): string {
  const { record, field, message } = problem;
  if (field === '') return `${record}: ${message}`;
  const where = record.startsWith('[')
    ? `${record}${field.startsWith('[') ? '' : '.'}${field}`
    : `${record}, ${field}`;
  return `${where}: ${message}`;
}

function readRecords(
  entries: readonly { where: string; value: unknown }[],
  problems: RecordProblem[],
  fileName: string | undefined,
  options: LionherdReadOptions,
): LionherdReadResult {
  const snapshots: Snapshot<ReadRecord>[] = [];
  for (const { where, value } of entries) {
    // Iterative, before the schema's recursive walk, which deep nesting would overflow.
    const tooDeep = findTooDeep(value, MAX_NESTING_DEPTH - 1);
    if (tooDeep !== null) {
      problems.push({
        record: where,
        field: formatPath('', tooDeep),
        message: `nested deeper than ${MAX_NESTING_DEPTH} levels, more than this dashboard reads`,
      });
      continue;
    }
    const parsed = withoutStackTraces(() => pythonRecordSchema.safeParse(value));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          record: where,
          field: formatPath('', issue.path),
          message: describeIssue(issue),
        });
      }
      continue;
    }
    const { id, created_at, execution } = parsed.data;
    snapshots.push({
      where,
      record: { id, created_at, execution, written: value as Record<string, JsonValue> },
    });
  }
  const { events, conflicts } = mergeSnapshots(snapshots);
  for (const conflict of conflicts) {
    problems.push({ record: conflict.where, field: conflict.field, message: conflict.message });
  }
  if (problems.length > 0 && options.importValid !== true) {
    const named = problems.slice(0, PROBLEMS_NAMED).map(formatProblem);
    const more = problems.length - named.length;
    if (more > 0) named.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
    return { ok: false, error: named.join('; '), problems, importable: events.length };
  }
  const records = events.map((event) => toEventRecord(event, fileName));
  linkChains(records);
  const repeated = events.filter((event) => event.count > 1);
  const merged = {
    events: repeated.length,
    snapshots: repeated.reduce((sum, event) => sum + event.count, 0),
  };
  return { ok: true, records, merged, leftOut: problems };
}

function toEventRecord(event: MergedEvent<ReadRecord>, fileName: string | undefined): EventRecord {
  const { id, created_at, execution, written } = event.final.record;
  const createdMs = parsePythonTimestamp(created_at) ?? 0;
  const { lion_class: lionClass, ...metadata } = asObject(written.metadata);
  const className = typeof lionClass === 'string' ? shortClassName(lionClass) : 'Event';
  const error = execution.error === null ? null : fromPythonError(execution.error);
  const executionDict: ExecutionDict = {
    status: execution.status,
    duration: execution.duration,
    response: execution.response,
    error,
    retryable: execution.retryable,
  };
  const importedFrom: ImportedFrom = { format: 'lionherd' };
  if (typeof lionClass === 'string') importedFrom.lionClass = lionClass;
  if (fileName !== undefined && fileName !== '') importedFrom.fileName = fileName;
  importedFrom.asWritten = written;
  const ran = event.statuses.includes('processing');
  const transitions = rebuildTransitions(execution.status, createdMs, execution.duration, ran);
  const attempt = metadata.attempt;
  const failed = execution.status === 'failed' || execution.status === 'cancelled';
  return {
    id,
    kind: className,
    label: className,
    params: Object.fromEntries(Object.entries(written).filter(([key]) => !EVENT_KEYS.has(key))),
    status: execution.status,
    createdAt: created_at,
    transitions,
    duration: execution.duration,
    progress: null,
    progressMessage: null,
    execution: executionDict,
    retryable: execution.retryable,
    verdict: failed ? recordedVerdict(error, execution.retryable) : null,
    metadata,
    attempt: typeof attempt === 'number' && Number.isInteger(attempt) && attempt >= 1 ? attempt : 1,
    originalId: originalIdOf(metadata),
    chainId: id,
    invokeCalls: 0,
    runs: transitions.some((step) => step.status === 'processing') ? 1 : 0,
    source: 'imported',
    importedFrom,
  };
}

/**
 * Python keeps no transition times: the timeline starts at `created_at`, work that ran (a
 * processing snapshot, or an outcome only a run gives) is taken to have started then, and it
 * ended `duration` seconds later.
 */
function rebuildTransitions(
  status: EventStatus,
  createdMs: number,
  duration: number | null,
  sawProcessing: boolean,
): Transition[] {
  const transitions: Transition[] = [{ status: 'pending', at: createdMs }];
  if (status === 'pending') return transitions;
  const ran =
    sawProcessing ||
    status === 'processing' ||
    status === 'completed' ||
    status === 'failed' ||
    (status === 'cancelled' && duration !== null);
  if (ran) transitions.push({ status: 'processing', at: createdMs });
  if (status !== 'processing') {
    const ended = createdMs + (duration ?? 0) * 1000;
    // A duration beyond any date (1e305 s) would put the end past what a date can hold.
    transitions.push({ status, at: isEpochMs(ended) ? ended : createdMs });
  }
  return transitions;
}

/**
 * Chains inside the file: `chainId` is the first attempt that the file holds, and a record
 * without `metadata.attempt` counts its attempts from there.
 */
function linkChains(records: EventRecord[]): void {
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const record of records) {
    let root = record;
    let depth = 0;
    const visited = new Set<string>([record.id]);
    while (root.originalId !== null) {
      const before = byId.get(root.originalId);
      if (before === undefined) {
        // The original is not in this file: it still names the chain.
        root = { ...root, id: root.originalId, originalId: null };
        depth += 1;
        break;
      }
      if (visited.has(before.id)) break; // a loop in the file's links
      visited.add(before.id);
      root = before;
      depth += 1;
    }
    record.chainId = root.id;
    if (record.metadata.attempt === undefined) record.attempt = depth + 1;
  }
}

/**
 * Writes records as lionherd-core `Event.to_dict(mode="json")` records. A record read from
 * a lionherd log is written exactly as it was read; a native one in the shape the classes
 * of `docs/lifecycle_lab.py` load. See the module docs.
 *
 * ```ts
 * const text = JSON.stringify(toLionherdRecords(records), null, 2);
 * ```
 */
export function toLionherdRecords(records: readonly EventRecord[]): Record<string, JsonValue>[] {
  return records.map(toLionherdRecord);
}

/** One record as {@link toLionherdRecords} writes it. */
export function toLionherdRecord(record: EventRecord): Record<string, JsonValue> {
  return record.importedFrom?.asWritten ?? toPythonRecord(record);
}

function toPythonRecord(record: EventRecord): Record<string, JsonValue> {
  const { status, duration, response, error, retryable } = record.execution;
  const fields = Object.entries(record.params).map(([key, value]): [string, JsonValue] => [
    camelToSnake(key),
    // The launch hands the event the return value parsed: write what the event was given.
    key === 'returnValue' && typeof value === 'string' ? parseReturnValue(value) : value,
  ]);
  return {
    id: record.id,
    created_at: record.createdAt,
    metadata: {
      ...record.metadata,
      lion_class: record.importedFrom?.lionClass ?? nativeLionClass(record.kind),
    },
    execution: {
      status,
      duration,
      response,
      error: error === null ? null : (toPythonError(error) as Record<string, JsonValue>),
      retryable,
    },
    ...Object.fromEntries(fields),
  };
}

// ---- metadata and names --------------------------------------------------------------------

function asObject(value: JsonValue | undefined): Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
}

function originalIdOf(metadata: Record<string, JsonValue>): string | null {
  const original = metadata.original;
  if (typeof original !== 'object' || original === null || Array.isArray(original)) return null;
  return typeof original.id === 'string' ? original.id : null;
}

/** `__main__.SlowEvent` → `SlowEvent`. */
function shortClassName(lionClass: string): string {
  const name = lionClass.slice(lionClass.lastIndexOf('.') + 1);
  return name === '' ? lionClass : name;
}

/** A native kind's Python class in docs/lifecycle_lab.py: `multi-error` → `lifecycle_lab.MultiErrorEvent`. */
export function nativeLionClass(kind: string): string {
  const pascal = kind
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
  return `lifecycle_lab.${pascal.endsWith('Event') ? pascal : `${pascal}Event`}`;
}

/** `returnValue` → `return_value`. */
function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}
