import { CancellationError, EventStatus, explainRetryable, type ErrorDict } from '../lib';
import type { EventRecord } from './eventRecord';
import { describeIssues, eventRecordSchema } from './recordSchema';
import { HISTORY_VERSION, INTERRUPTED_MESSAGE } from './formats/history';
import { messageOf } from './messageOf';
import type { StorageLike } from './types';
import { z } from './zod';

/**
 * Reading stored history back: the envelope, migrations from every older version, and a
 * check of every record. Storage may fail at any step without breaking the store. Written
 * in `./historyFormat`; this module and its schemas are fetched after the first render.
 */

const envelopeSchema = z.object({
  version: z.number().check(z.int(), z.minimum(0)),
  savedAt: z.optional(z.number()),
  state: z.unknown(),
});

const historyV1Schema = z.object({ records: z.array(z.unknown()) });

/**
 * Version 0, the first prototype's shape: `{ events: [...] }`, oldest first, each event
 * without lineage (`attempt`, `originalId`, `chainId`), counters or progress.
 */
const historyV0Schema = z.object({ events: z.array(z.unknown()) });

const eventV0Schema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  label: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.json())),
  status: z.string(),
  createdAt: z.string(),
  transitions: z.optional(z.array(z.unknown())),
  execution: z.record(z.string(), z.unknown()),
  metadata: z.optional(z.record(z.string(), z.json())),
});

/**
 * `migrations[n]` turns the state of version `n` into the state of version `n + 1`. It may
 * throw; the data then counts as corrupted and is set aside.
 */
export const migrations: Record<number, (state: unknown) => unknown> = {
  0: (state) => {
    const { events } = historyV0Schema.parse(state);
    const records = events.map((candidate) => {
      // An event this version cannot read is passed on as it is: the record check after the
      // migrations names it and sets the data aside, and the other events are kept.
      const checked = eventV0Schema.safeParse(candidate);
      if (!checked.success) return candidate;
      const event = checked.data;
      const execution = event.execution;
      const status = event.status;
      const duration = execution.duration ?? null;
      return {
        id: event.id,
        kind: event.kind,
        label: event.label ?? event.kind,
        params: event.params ?? {},
        status,
        createdAt: event.createdAt,
        transitions: event.transitions ?? [{ status: 'pending', at: Date.parse(event.createdAt) }],
        duration,
        progress: null,
        progressMessage: null,
        execution: { status, duration, response: null, error: null, retryable: null, ...execution },
        retryable: execution.retryable ?? null,
        verdict: null,
        metadata: event.metadata ?? {},
        attempt: 1,
        originalId: null,
        chainId: event.id,
        invokeCalls: status === 'pending' ? 0 : 1,
        runs: status === 'pending' ? 0 : 1,
        source: 'live',
      };
    });
    return { records: records.reverse() };
  },
  // Version 2 gives HTTP events their latency in seconds, as the launch form now asks for it;
  // version 1 kept milliseconds, which a retry from history would otherwise wait as seconds.
  1: (state) => {
    if (!isObject(state) || !Array.isArray(state.records)) return state;
    const records: unknown[] = state.records.map((record: unknown) => {
      if (!isObject(record) || record.kind !== 'http' || !isObject(record.params)) return record;
      const latency = record.params.latency;
      if (typeof latency !== 'number') return record;
      return { ...record, params: { ...record.params, latency: latency / 1000 } };
    });
    return { ...state, records };
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What loading found. */
export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'loaded'; records: EventRecord[] }
  /** Some records were readable; the others are described in `reason`. */
  | { kind: 'partial'; records: EventRecord[]; reason: string; raw: string }
  /** Storage could not be read at all (disabled, blocked). */
  | { kind: 'unavailable'; reason: string }
  /** The key holds data that cannot be read; `raw` is it, for setting aside. */
  | { kind: 'corrupted'; reason: string; raw: string };

/**
 * Reads, migrates and checks the stored history. Events that were still pending or
 * processing when it was saved come back `cancelled`, with an interruption error.
 */
export function loadHistory(storage: StorageLike, key: string): LoadResult {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    return { kind: 'unavailable', reason: `storage cannot be read (${messageOf(error)})` };
  }
  if (raw === null) return { kind: 'empty' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    return { kind: 'corrupted', reason: `it is not valid JSON (${messageOf(error)})`, raw };
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) {
    return { kind: 'corrupted', reason: describeIssues(envelope.error), raw };
  }
  const { version, savedAt } = envelope.data;
  if (version > HISTORY_VERSION) {
    return {
      kind: 'corrupted',
      reason: `it was saved by a newer version of Lifecycle Lab (history version ${version})`,
      raw,
    };
  }
  let state = envelope.data.state;
  try {
    for (let from = version; from < HISTORY_VERSION; from++) {
      const migrate = migrations[from];
      if (migrate === undefined) throw new Error(`no migration from version ${from}`);
      state = migrate(state);
    }
  } catch (error) {
    const reason =
      error instanceof z.core.$ZodError ? describeIssues(error, 'state') : messageOf(error);
    return { kind: 'corrupted', reason: `it could not be migrated: ${reason}`, raw };
  }
  const history = historyV1Schema.safeParse(state);
  if (!history.success) {
    return { kind: 'corrupted', reason: describeIssues(history.error, 'state'), raw };
  }
  // One unreadable record should not cost the rest: keep every record that passes.
  const records: EventRecord[] = [];
  let firstProblem: string | undefined;
  let dropped = 0;
  history.data.records.forEach((candidate, index) => {
    const record = eventRecordSchema.safeParse(candidate);
    if (record.success) {
      records.push(restoreRecord(record.data, savedAt));
    } else {
      dropped += 1;
      firstProblem ??= describeIssues(record.error, `state.records[${index}]`, 1);
    }
  });
  if (dropped > 0) {
    const count = dropped === 1 ? '1 record' : `${dropped} records`;
    return {
      kind: 'partial',
      records,
      reason: `${count} could not be read (${firstProblem ?? ''})`,
      raw,
    };
  }
  return { kind: 'loaded', records };
}

/**
 * A stored record as it comes back: live records become read-only `restored` ones, and those
 * that had not ended are `cancelled` by an interruption at `savedAt`.
 */
export function restoreRecord(record: EventRecord, savedAt: number | undefined): EventRecord {
  if (record.source !== 'live') return record;
  if (record.status !== EventStatus.PENDING && record.status !== EventStatus.PROCESSING) {
    return { ...record, source: 'restored' };
  }
  const lastAt = record.transitions.reduce((latest, step) => Math.max(latest, step.at), 0);
  const at = Math.max(lastAt, savedAt ?? lastAt);
  const started = record.transitions.find((step) => step.status === EventStatus.PROCESSING);
  const duration = started === undefined ? 0 : Math.max(0, (at - started.at) / 1000);
  const error: ErrorDict = {
    error: 'CancellationError',
    message: INTERRUPTED_MESSAGE,
    retryable: true,
  };
  return {
    ...record,
    status: EventStatus.CANCELLED,
    transitions: [
      ...record.transitions,
      { status: EventStatus.CANCELLED, at, reason: 'interrupted by a reload' },
    ],
    duration,
    progressMessage: record.progressMessage,
    execution: { status: EventStatus.CANCELLED, duration, response: null, error, retryable: true },
    retryable: true,
    verdict: explainRetryable(new CancellationError(INTERRUPTED_MESSAGE)).reason,
    source: 'restored',
  };
}
