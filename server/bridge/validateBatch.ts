import {
  BRIDGE_PROTOCOL_VERSION,
  type BridgeBatch,
  type BridgeSourceInfo,
} from '../../src/lib/bridge/protocol.ts';
import { isEventStatus } from '../../src/lib/status.ts';
import { findTooDeep, MAX_NESTING_DEPTH } from '../../src/store/formats/nestingDepth.ts';

/** Most updates one batch may carry. */
export const MAX_UPDATES_PER_BATCH = 5_000;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Thrown inside the checks with the path of the first problem; turned into a result. */
class Problem extends Error {}

const RUNTIMES = new Set(['node', 'browser', 'python', 'other']);

/**
 * Checks a `POST /events` body against {@link BridgeBatch}. A rejection names the first
 * problem and where it is: `updates[3].event.execution.status: expected one of pending|…`.
 */
export function validateBatch(body: unknown): Checked<BridgeBatch> {
  return checked(() => {
    const batch = object(body, '');
    if (batch.protocol !== BRIDGE_PROTOCOL_VERSION) {
      fail('protocol', `expected ${String(BRIDGE_PROTOCOL_VERSION)}, got ${show(batch.protocol)}`);
    }
    sourceInfo(batch.source, 'source');
    count(batch.dropped, 'dropped');
    const updates = array(batch.updates, 'updates');
    if (updates.length > MAX_UPDATES_PER_BATCH) {
      fail(
        'updates',
        `at most ${String(MAX_UPDATES_PER_BATCH)} updates per batch, got ${String(updates.length)}`,
      );
    }
    updates.forEach((update, index) => {
      eventUpdate(update, `updates[${String(index)}]`);
    });
    return body as BridgeBatch;
  });
}

/** Checks the body of `POST /control`: a {@link BridgeSourceInfo}. */
export function validateSourceInfo(body: unknown): Checked<BridgeSourceInfo> {
  return checked(() => {
    sourceInfo(body, '');
    return body as BridgeSourceInfo;
  });
}

function checked<T>(check: () => T): Checked<T> {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, error: error.message };
    throw error;
  }
}

function sourceInfo(value: unknown, path: string): void {
  const source = object(value, path);
  text(source.id, join(path, 'id'), 100);
  if (source.key !== undefined) text(source.key, join(path, 'key'), 400);
  text(source.name, join(path, 'name'), 100);
  if (source.host !== null) text(source.host, join(path, 'host'), 255);
  if (source.pid !== null) count(source.pid, join(path, 'pid'));
  if (typeof source.runtime !== 'string' || !RUNTIMES.has(source.runtime)) {
    fail(
      join(path, 'runtime'),
      `expected one of ${[...RUNTIMES].join('|')}, got ${show(source.runtime)}`,
    );
  }
  array(source.capabilities, join(path, 'capabilities')).forEach((capability, index) => {
    if (capability !== 'retry') {
      fail(
        `${join(path, 'capabilities')}[${String(index)}]`,
        `expected 'retry', got ${show(capability)}`,
      );
    }
  });
}

function eventUpdate(value: unknown, path: string): void {
  const update = object(value, path);
  const tooDeep = tooDeepProblem(update);
  if (tooDeep !== null) throw new Problem(`${path}${tooDeep}`);
  count(update.seq, join(path, 'seq'));
  text(update.kind, join(path, 'kind'), 200);
  array(update.notifications, join(path, 'notifications'));
  const transitions = array(update.transitions, join(path, 'transitions'));
  if (transitions.length === 0)
    fail(join(path, 'transitions'), 'expected at least the pending transition');
  transitions.forEach((step, index) => {
    const at = `${join(path, 'transitions')}[${String(index)}]`;
    const transition = object(step, at);
    status(transition.status, join(at, 'status'));
    finite(transition.at, join(at, 'at'));
  });
  if (update.progress !== null) finite(update.progress, join(path, 'progress'));
  if (update.progressMessage !== null)
    text(update.progressMessage, join(path, 'progressMessage'), 10_000, true);
  if (update.verdict !== null) text(update.verdict, join(path, 'verdict'), 100_000, true);
  object(update.params, join(path, 'params'));
  const event = object(update.event, join(path, 'event'));
  text(event.id, join(path, 'event.id'), 200);
  if (typeof event.created_at !== 'string' || Number.isNaN(Date.parse(event.created_at))) {
    fail(
      join(path, 'event.created_at'),
      `expected an ISO 8601 timestamp, got ${show(event.created_at)}`,
    );
  }
  object(event.metadata, join(path, 'event.metadata'));
  const execution = object(event.execution, join(path, 'event.execution'));
  status(execution.status, join(path, 'event.execution.status'));
  if (execution.duration !== null)
    finite(execution.duration, join(path, 'event.execution.duration'));
  if (execution.error !== null) object(execution.error, join(path, 'event.execution.error'));
  if (execution.retryable !== null && typeof execution.retryable !== 'boolean') {
    fail(
      join(path, 'event.execution.retryable'),
      `expected true, false or null, got ${show(execution.retryable)}`,
    );
  }
}

/**
 * Where `value` nests deeper than the dashboard reads, as a path after the value's own
 * (`.params.a[0][0]…: nested deeper than 500 levels, …`), or `null`. Checked before anything
 * is kept: serializing such data for the dashboards would overflow the stack and end the
 * receiver.
 */
export function tooDeepProblem(value: unknown): string | null {
  const path = findTooDeep(value, MAX_NESTING_DEPTH - 1);
  if (path === null) return null;
  const shown = path
    .slice(0, 8)
    .map((key) => (typeof key === 'number' ? `[${String(key)}]` : `.${key}`));
  const more = path.length > shown.length ? '…' : '';
  return `${shown.join('')}${more}: nested deeper than ${String(MAX_NESTING_DEPTH)} levels, more than the dashboard reads`;
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, `expected an object, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `expected an array, got ${show(value)}`);
  return value as unknown[];
}

function text(value: unknown, path: string, maxLength: number, emptyAllowed = false): void {
  if (typeof value !== 'string' || (!emptyAllowed && value === '')) {
    fail(path, `expected ${emptyAllowed ? '' : 'non-empty '}text, got ${show(value)}`);
  }
  if (value.length > maxLength) fail(path, `expected at most ${String(maxLength)} characters`);
}

function count(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, `expected a whole number ≥ 0, got ${show(value)}`);
  }
}

function finite(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(path, `expected a number, got ${show(value)}`);
}

function status(value: unknown, path: string): void {
  if (!isEventStatus(value)) {
    fail(
      path,
      `expected one of pending|processing|completed|failed|cancelled|skipped|aborted, got ${show(value)}`,
    );
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function fail(path: string, message: string): never {
  throw new Problem(path === '' ? message : `${path}: ${message}`);
}

/** A short, safe description of a value for an error message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}
