import {
  EVENT_STATUSES,
  explainRetryable,
  type ErrorDict,
  type EventStatus,
  type ExecutionDict,
  type JsonValue,
  type Transition,
} from '../../lib';
import type { EventRecord } from '../eventRecord';
import { describeIssues, formatPath } from '../recordSchema';
import { z } from '../zod';

/**
 * lionherd-core (Python) interop: logs made of `Event.to_dict(mode="json")` records, one per
 * event, as a JSON array.
 *
 * ```json
 * { "id": "…", "created_at": "2026-11-20T09:30:00.157000+00:00",
 *   "metadata": { "lion_class": "__main__.SlowEvent" },
 *   "execution": { "status": "cancelled", "duration": 0.05, "response": null,
 *                  "error": { "error": "TimeoutError", "message": "…", "retryable": true },
 *                  "retryable": true },
 *   "delay": 5.0, "return_value": "completed" }
 * ```
 *
 * How the two sides meet:
 * - `metadata.lion_class` (the Python class's dotted name) moves to `importedFrom.lionClass`
 *   and back, as lionherd-core's own `from_dict` pops it; the record's `kind` and `label` are
 *   the class's short name.
 * - Subclass fields after `execution` (`return_value`, `delay`) are the record's `params`,
 *   in camelCase (`returnValue`); the export writes them in snake_case again.
 * - `ExceptionGroup` (and `BaseExceptionGroup`) errors become `AggregateError`, with
 *   Python's ` (3 sub-exceptions)` suffix taken off the message (Python writes `str(group)`,
 *   which adds it to the group's own message); the export puts both back. A native message
 *   that already carries the suffix keeps it once, so it comes back without it.
 *   Other Python error names (`ValueError`, `KeyError`) are kept as they are.
 * - `created_at` is ISO 8601 with microseconds and `+00:00`. The record's `createdAt` holds
 *   it to the millisecond; the microseconds live on in the first transition's time, which
 *   the export reads, so a Python log survives import and export unchanged.
 * - `null` stands for Python's `Unset` in `duration`, `response`, `error` and `retryable`,
 *   exactly as in `execution.toDict()`.
 *
 * What cannot cross:
 * - Python records keep no transition times. An imported timeline is rebuilt from
 *   `created_at` and `duration`, assuming the work started when the event was created.
 * - The export has no room for `label`, progress, the transition history, invoke counts or
 *   the `cause` chain's place (causes are kept in the error dict, which Python ignores).
 *   `timeout` is written as a field, although lionherd-core never writes it itself.
 * - Native events have no Python class; the export names them `lifecycle_lab.<Kind>Event`.
 */

/** A Python error as `Execution.to_dict()` writes it; unknown keys are kept. */
interface PythonErrorDict {
  error: string;
  message: string;
  retryable?: boolean;
  details?: Record<string, unknown>;
  exceptions?: PythonErrorDict[];
  [key: string]: unknown;
}

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
  z.object({
    id: z
      .string({ error: 'expected the event id as text' })
      .check(z.minLength(1, 'must not be empty')),
    created_at: z.string({ error: 'expected an ISO 8601 timestamp' }).check(
      z.refine((text) => parsePythonTimestamp(text) !== undefined, {
        error:
          'expected an ISO 8601 timestamp with a UTC offset, e.g. 2026-11-20T09:30:00.157000+00:00',
      }),
    ),
    metadata: z._default(z.record(z.string(), jsonSchema), {}),
    execution: z.object(
      {
        status: z.enum(EVENT_STATUSES as [EventStatus, ...EventStatus[]]),
        duration: z.nullable(z.number().check(z.nonnegative())),
        response: jsonSchema,
        error: z.nullable(pythonErrorSchema),
        retryable: z.nullable(z.boolean()),
      },
      { error: 'expected an object with status, duration, response, error and retryable' },
    ),
  }),
  jsonSchema,
);

type PythonRecord = z.output<typeof pythonRecordSchema>;

const logSchema = z.array(pythonRecordSchema, {
  error: 'expected a JSON array of lionherd-core Event.to_dict records',
});

/** Python's names of the aggregate error. */
const EXCEPTION_GROUPS = new Set(['ExceptionGroup', 'BaseExceptionGroup']);
const SUB_EXCEPTIONS_SUFFIX = / \((\d+) sub-exceptions?\)$/;

/**
 * Reads a lionherd-core log: a JSON array of `Event.to_dict(mode="json")` records. Every
 * record is validated; a rejection says what is wrong and where
 * (`[3].execution.status: expected one of pending|processing|…`). Never throws.
 *
 * ```ts
 * const result = parseLionherdLog(JSON.parse(text), 'run.json');
 * if (result.ok) store.add(result.records); else show(result.error);
 * ```
 */
export function parseLionherdLog(
  data: unknown,
  fileName?: string,
): { ok: true; records: EventRecord[] } | { ok: false; error: string } {
  const parsed = logSchema.safeParse(data);
  if (!parsed.success) {
    const topLevel = parsed.error.issues.some((issue) => issue.path.length === 0);
    if (topLevel) {
      return {
        ok: false,
        error: `expected a JSON array of lionherd-core Event.to_dict records, got ${describeJsonType(data)}`,
      };
    }
    return { ok: false, error: describeIssues(parsed.error) };
  }
  const seen = new Map<string, number>();
  for (const [index, record] of parsed.data.entries()) {
    const first = seen.get(record.id);
    if (first !== undefined) {
      return {
        ok: false,
        error: `${formatPath('', [index, 'id'])}: the id ${record.id} is already used by record [${first}]`,
      };
    }
    seen.set(record.id, index);
  }
  const records = parsed.data.map((record) => toEventRecord(record, fileName));
  linkChains(records);
  return { ok: true, records };
}

function toEventRecord(python: PythonRecord, fileName: string | undefined): EventRecord {
  const { id, created_at, metadata, execution, ...fields } = python;
  const createdMs = parsePythonTimestamp(created_at) ?? 0;
  const { lion_class: lionClass, ...rest } = metadata;
  const className = typeof lionClass === 'string' ? shortClassName(lionClass) : 'Event';
  const importedMetadata = fromPythonMetadata(rest);
  const error = execution.error === null ? null : fromPythonError(execution.error);
  const executionDict: ExecutionDict = {
    status: execution.status,
    duration: execution.duration,
    response: execution.response,
    error,
    retryable: execution.retryable,
  };
  const originalId = originalIdOf(importedMetadata);
  const attempt = importedMetadata.attempt;
  const importedFrom: NonNullable<EventRecord['importedFrom']> = { format: 'lionherd' };
  if (typeof lionClass === 'string') importedFrom.lionClass = lionClass;
  if (fileName !== undefined && fileName !== '') importedFrom.fileName = fileName;
  const transitions = rebuildTransitions(execution.status, createdMs, execution.duration);
  return {
    id,
    kind: className,
    label: className,
    params: Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [snakeToCamel(key), value]),
    ),
    status: execution.status,
    createdAt: new Date(createdMs).toISOString(),
    transitions,
    duration: execution.duration,
    progress: null,
    progressMessage: null,
    execution: executionDict,
    retryable: execution.retryable,
    verdict: verdictOf(executionDict),
    metadata: importedMetadata,
    attempt: typeof attempt === 'number' && Number.isInteger(attempt) && attempt >= 1 ? attempt : 1,
    originalId,
    chainId: id,
    invokeCalls: 0,
    runs: transitions.some((step) => step.status === 'processing') ? 1 : 0,
    source: 'imported',
    importedFrom,
  };
}

/**
 * Python keeps no transition times: the timeline starts at `created_at`, work that ran is
 * taken to have started then, and it ended `duration` seconds later.
 */
function rebuildTransitions(
  status: EventStatus,
  createdMs: number,
  duration: number | null,
): Transition[] {
  const transitions: Transition[] = [{ status: 'pending', at: createdMs }];
  if (status === 'pending') return transitions;
  const ran =
    status === 'processing' ||
    status === 'completed' ||
    status === 'failed' ||
    (status === 'cancelled' && duration !== null);
  if (ran) transitions.push({ status: 'processing', at: createdMs });
  if (status !== 'processing') {
    transitions.push({ status, at: createdMs + (duration ?? 0) * 1000 });
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

/** The verdict in words, like a live record's; the log's own `retryable` has the last word. */
function verdictOf(execution: ExecutionDict): string | null {
  if (execution.status !== 'failed' && execution.status !== 'cancelled') return null;
  if (execution.error === null) return null;
  const ours = explainRetryable(toThrownShape(execution.error));
  if (execution.retryable === null || execution.retryable === ours.retryable) return ours.reason;
  const recorded = execution.retryable ? 'retryable' : 'not retryable';
  return `${recorded}: as recorded by lionherd-core (this dashboard's rule would say "${ours.reason}")`;
}

/** An error dict in the shape `explainRetryable` reads: `name`, `message`, `errors`. */
function toThrownShape(dict: ErrorDict): unknown {
  if (dict.exceptions !== undefined && dict.error === 'AggregateError') {
    return new AggregateError(dict.exceptions.map(toThrownShape), dict.message);
  }
  const shape: { name: string; message: string; retryable?: boolean } = {
    name: dict.error,
    message: dict.message,
  };
  if (dict.retryable !== undefined) shape.retryable = dict.retryable;
  return shape;
}

function fromPythonError(python: PythonErrorDict): ErrorDict {
  const { error, message, exceptions, ...rest } = python;
  const dict: ErrorDict = { ...(rest as Partial<ErrorDict>), error, message };
  if (exceptions !== undefined) dict.exceptions = exceptions.map(fromPythonError);
  if (EXCEPTION_GROUPS.has(error)) {
    dict.error = 'AggregateError';
    const count = SUB_EXCEPTIONS_SUFFIX.exec(message)?.[1];
    if (count !== undefined && Number(count) === (exceptions?.length ?? 0)) {
      dict.message = message.replace(SUB_EXCEPTIONS_SUFFIX, '');
    }
  }
  return dict;
}

function toPythonError(dict: ErrorDict): PythonErrorDict {
  const { error, message, exceptions, ...rest } = dict;
  const python: PythonErrorDict = { error, message, ...rest };
  if (exceptions !== undefined) {
    python.exceptions = exceptions.map(toPythonError);
    if (error === 'AggregateError') {
      python.error = 'ExceptionGroup';
      python.message = withSubExceptionCount(message, exceptions.length);
    }
  }
  // Key order as Python writes it: error, message, retryable, details, exceptions.
  return reorder(python, ['error', 'message', 'retryable', 'details', 'exceptions']);
}

/**
 * Python's `str()` of an `ExceptionGroup`: `multiple errors (3 sub-exceptions)`. A message
 * that already ends so (the notebook's `MultiErrorEvent` copies Python's text) is kept as it
 * is rather than counted twice.
 */
function withSubExceptionCount(message: string, count: number): string {
  if (Number(SUB_EXCEPTIONS_SUFFIX.exec(message)?.[1]) === count) return message;
  return `${message} (${count} sub-exception${count === 1 ? '' : 's'})`;
}

/**
 * Writes native records as lionherd-core `Event.to_dict(mode="json")` records, so a Python
 * service can read the dashboard's log (`Event.from_dict`) as the dashboard reads its logs.
 * See the module docs for what cannot be represented.
 *
 * ```ts
 * const text = JSON.stringify(toLionherdRecords(records), null, 2);
 * ```
 */
export function toLionherdRecords(records: readonly EventRecord[]): unknown[] {
  return records.map((record) => {
    const created = record.transitions[0];
    const createdMs = created?.status === 'pending' ? created.at : Date.parse(record.createdAt);
    const metadata: Record<string, JsonValue> = {
      ...toPythonMetadata(record.metadata),
      lion_class: record.importedFrom?.lionClass ?? nativeLionClass(record.kind),
    };
    const execution = {
      status: record.execution.status,
      duration: record.execution.duration,
      response: record.execution.response,
      error: record.execution.error === null ? null : toPythonError(record.execution.error),
      retryable: record.execution.retryable,
    };
    const fields = Object.fromEntries(
      Object.entries(record.params).map(([key, value]) => [camelToSnake(key), value]),
    );
    return {
      id: record.id,
      created_at: formatPythonTimestamp(createdMs),
      metadata,
      execution,
      ...fields,
    };
  });
}

// ---- timestamps --------------------------------------------------------------------------

const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds, with microseconds as the fraction, of an ISO 8601 timestamp that has
 * a UTC offset (`…T09:30:00.157000+00:00`, `…Z`); `undefined` for anything else.
 */
export function parsePythonTimestamp(text: string): number | undefined {
  const match = ISO_WITH_OFFSET.exec(text);
  if (match === null) return undefined;
  const [, seconds = '', fraction = '', offset = ''] = match;
  const wholeSeconds = Date.parse(`${seconds}${offset}`);
  if (Number.isNaN(wholeSeconds)) return undefined;
  const micros = Number(fraction.padEnd(6, '0').slice(0, 6));
  return wholeSeconds + micros / 1000;
}

/**
 * Python's (orjson's) form of a UTC datetime: `2026-11-20T09:30:00.157000+00:00`, with the
 * microseconds left out when they are zero, as Python does.
 */
export function formatPythonTimestamp(epochMs: number): string {
  const totalMicros = Math.round(epochMs * 1000);
  const micros = ((totalMicros % 1_000_000) + 1_000_000) % 1_000_000;
  const seconds = new Date((totalMicros - micros) / 1000).toISOString().slice(0, 19);
  const fraction = micros === 0 ? '' : `.${String(micros).padStart(6, '0')}`;
  return `${seconds}${fraction}+00:00`;
}

// ---- metadata and names --------------------------------------------------------------------

/** `metadata.original.created_at` in the dashboard's own form (`…Z`). */
function fromPythonMetadata(metadata: Record<string, JsonValue>): Record<string, JsonValue> {
  return mapOriginalCreatedAt(metadata, (text) => {
    const ms = parsePythonTimestamp(text);
    return ms === undefined ? text : new Date(ms).toISOString();
  });
}

/** `metadata.original.created_at` in Python's form (`…+00:00`). */
function toPythonMetadata(metadata: Record<string, JsonValue>): Record<string, JsonValue> {
  return mapOriginalCreatedAt(metadata, (text) => {
    const ms = parsePythonTimestamp(text);
    return ms === undefined ? text : formatPythonTimestamp(ms);
  });
}

function mapOriginalCreatedAt(
  metadata: Record<string, JsonValue>,
  convert: (text: string) => string,
): Record<string, JsonValue> {
  const original = metadata.original;
  if (typeof original !== 'object' || original === null || Array.isArray(original)) {
    return { ...metadata };
  }
  const createdAt = original.created_at;
  if (typeof createdAt !== 'string') return { ...metadata };
  return { ...metadata, original: { ...original, created_at: convert(createdAt) } };
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

/** A native kind's stand-in Python class: `multi-error` → `lifecycle_lab.MultiErrorEvent`. */
function nativeLionClass(kind: string): string {
  const pascal = kind
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
  return `lifecycle_lab.${pascal.endsWith('Event') ? pascal : `${pascal}Event`}`;
}

/** `return_value` → `returnValue`. */
function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** `returnValue` → `return_value`. */
function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function reorder<T extends object>(value: T, order: readonly string[]): T {
  const entries = Object.entries(value);
  const rank = (key: string): number => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries) as T;
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}
