import { watchEventCreation } from '../creation.ts';
import type { Event } from '../event.ts';
import { createId } from '../id.ts';
import { describeValue } from '../serialize/describeValue.ts';
import { isTerminalStatus } from '../status.ts';
import { exponentialBackoff, type Backoff, type ExponentialBackoffOptions } from './backoff.ts';
import {
  BRIDGE_BASE_PATH,
  BRIDGE_PROTOCOL_VERSION,
  type BridgeCommand,
  type BridgeSourceInfo,
} from './protocol.ts';
import { readJsonLines } from './readJsonLines.ts';
import { detectRuntime, pageOrigin, sourceKey } from './sourceInfo.ts';
import { takeBatch, type TakenBatch } from './takeBatch.ts';
import { unreachableMessage, type RequestingPage } from './unreachableMessage.ts';
import { UpdateBuffer, type TakenUpdate } from './updateBuffer.ts';

export interface BridgeOptions {
  /**
   * The dashboard's address as the receiver printed it, e.g.
   * `http://127.0.0.1:5173/?token=3f9c…`; the token may be given separately instead.
   */
  url: string;
  /** What the dashboard calls this process (`worker`, `checkout-page`). */
  name: string;
  /**
   * Tells apart processes of one name that run on one host at the same time (`worker-2`).
   * A process keeps its source across restarts: in Node the source is `name` on this host
   * (and `instance`), so a restarted process continues where the killed one stopped; in a
   * browser it is the tab.
   */
  instance?: string;
  /** The receiver's token; default: the `token` in `url`. */
  token?: string;
  /** `all` (default): every event created from now on; `none`: only those passed to `watch`. */
  watch?: 'all' | 'none';
  /**
   * Let the dashboard ask for fresh retries of this process's events (default `false`): the
   * bridge then runs `event.asFreshEvent().invoke()` when a person clicks **Retry fresh**.
   */
  acceptRetries?: boolean;
  /**
   * Milliseconds changes are gathered before they are sent (default 50): requests start at
   * most this often, one at a time; after a request that took longer, the next starts at once.
   */
  flushInterval?: number;
  /**
   * Most updates in one request (default 5,000, the receiver's limit). A busy process sends
   * big batches, so a slow receiver costs round trips, not events.
   */
  maxBatch?: number;
  /**
   * Most characters of JSON in one request (default 1,500,000, which stays under the
   * receiver's 5 MB even if every character took 3 bytes); what does not fit goes in the next.
   */
  maxBatchChars?: number;
  /** Most events waiting to be sent; beyond it the oldest are dropped and counted (10,000). */
  maxBuffered?: number;
  /** Waits between tries while the receiver cannot be reached. */
  backoff?: ExponentialBackoffOptions;
  /** `fetch` to use (default the global one). */
  fetch?: typeof fetch;
  /**
   * Hears problems: refused batches, an unreachable receiver, malformed commands, and updates
   * `close()` could not deliver.
   */
  onError?: (error: BridgeProblem) => void;
}

/** A problem the bridge met; it carries on (it keeps buffering and retrying). */
export interface BridgeProblem {
  kind: 'unreachable' | 'refused' | 'rejected' | 'command';
  message: string;
}

/** How to watch one event. */
export interface WatchOptions {
  /**
   * The id of an event an earlier run of this process started and did not finish (the id
   * you kept, e.g. with the job it ran): this event is reported as that event, so its row in
   * the dashboard continues instead of a new row appearing. Pass it right after creating
   * the event, before it runs.
   */
  continues?: string;
}

export interface BridgeStats {
  /** Whether the control channel to the receiver is open. */
  connected: boolean;
  /** Updates the receiver took. */
  sent: number;
  /** Events with changes waiting to be sent. */
  buffered: number;
  /** Updates dropped because the buffer was full. */
  dropped: number;
  /** Updates the receiver refused as malformed (they are not sent again). */
  rejected: number;
}

/** A connection from this process to a dashboard. */
export interface Bridge {
  readonly source: BridgeSourceInfo;
  /** Streams this event's lifecycle (done for you with `watch: 'all'`). Returns a stop function. */
  watch(event: Event, options?: WatchOptions): () => void;
  stats(): BridgeStats;
  /** Sends what is buffered now; resolves once the receiver took it or the try failed. */
  flush(): Promise<void>;
  /**
   * Sends what is buffered, stops watching, and disconnects. Resolves even when the receiver
   * cannot be reached; the updates it did not take are then reported to `onError`. A short
   * Node script awaits it to exit: the open control channel keeps the process alive.
   */
  close(): Promise<void>;
}

/** Terminal events kept for retry commands, newest last. */
const RETAINED_FOR_RETRY = 1_000;

/**
 * Connects this process (Node 20+ or a browser page) to a Lifecycle Lab dashboard and streams
 * the lifecycle of its events: batched, with sequence numbers, buffered while the receiver is
 * away and resent when it is back. Uses only `fetch`.
 *
 * ```ts
 * import { connectToDashboard } from 'lifecycle-lab-core/bridge';
 *
 * const bridge = connectToDashboard({ url: process.env.LIFECYCLE_LAB_URL!, name: 'worker' });
 * // every event created from now on shows up in the dashboard's list
 * ```
 */
export function connectToDashboard(options: BridgeOptions): Bridge {
  const { base, token } = parseTarget(options.url, options.token);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const flushInterval = options.flushInterval ?? 50;
  const maxBatch = options.maxBatch ?? 5_000;
  const maxBatchChars = options.maxBatchChars ?? 1_500_000;
  const firstBackoff = (): Backoff => exponentialBackoff(options.backoff);
  const report = options.onError ?? (() => undefined);
  const acceptRetries = options.acceptRetries === true;
  const where = detectRuntime();
  const page: RequestingPage = { runtime: where.runtime, origin: pageOrigin() };
  const source: BridgeSourceInfo = {
    id: createId(),
    key: sourceKey(options.name, where, options.instance, createId),
    name: options.name,
    ...where,
    capabilities: acceptRetries ? ['retry'] : [],
  };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const buffer = new UpdateBuffer(options.maxBuffered ?? 10_000);
  const subscriptions = new Map<string, () => void>();
  const retained = new Map<string, Event>();
  const controller = new AbortController();
  /** Closing aborts the controller: requests in flight and the control channel end with it. */
  const isClosed = (): boolean => controller.signal.aborted;
  /** From `close()` on, failed sends are told once, in its summary, not one by one. */
  let closing = false;
  /** Why the last send failed: what `close()` says about updates it could not deliver. */
  let lastFailure: BridgeProblem | undefined;
  let sent = 0;
  let rejected = 0;
  let connected = false;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> | undefined;
  let sendBackoff: Backoff | undefined;
  let controlBackoff = firstBackoff();

  const retain = (event: Event, id: string): void => {
    if (!acceptRetries) return;
    retained.delete(id);
    retained.set(id, event);
    if (retained.size > RETAINED_FOR_RETRY) {
      const oldest = retained.keys().next();
      if (oldest.done !== true) retained.delete(oldest.value);
    }
  };

  const watch = (event: Event, watchOptions: WatchOptions = {}): (() => void) => {
    const existing = subscriptions.get(event.id);
    if (watchOptions.continues !== undefined) {
      // Watched already (by `watch: 'all'` when it was made): report it under the earlier id.
      existing?.();
      buffer.reportAs(event, watchOptions.continues);
    } else if (existing !== undefined) {
      return existing;
    }
    const unsubscribe = event.subscribe((notification, subject) => {
      buffer.record(subject, notification);
      if (subject.isTerminal) stop();
      schedule();
    });
    const stop = (): void => {
      unsubscribe();
      subscriptions.delete(event.id);
    };
    subscriptions.set(event.id, stop);
    retain(event, watchOptions.continues ?? event.id);
    buffer.record(event);
    if (isTerminalStatus(event.status)) stop();
    schedule();
    return stop;
  };

  const stopWatchingCreation =
    options.watch === 'none' ? () => undefined : watchEventCreation(watch);

  function schedule(delay = flushInterval): void {
    if (isClosed() || sendTimer !== undefined || sending !== undefined) return;
    if (buffer.size === 0) return;
    sendTimer = setTimeout(() => {
      sendTimer = undefined;
      void send();
    }, delay);
  }

  function send(): Promise<void> {
    if (sending !== undefined) return sending;
    if (sendTimer !== undefined) {
      clearTimeout(sendTimer);
      sendTimer = undefined;
    }
    const batch = takeBatch(
      buffer,
      { protocol: BRIDGE_PROTOCOL_VERSION, source, dropped: buffer.dropped },
      maxBatch,
      maxBatchChars,
    );
    if (batch === null) return Promise.resolve();
    const startedAt = Date.now();
    sending = post(batch).finally(() => {
      sending = undefined;
      if (sendBackoff !== undefined) schedule(sendBackoff.duration);
      else if (buffer.size >= maxBatch) schedule(0);
      // What came in during the post has been gathered as long as the post took: once that is
      // the flush interval, it goes at once, so a slow receiver adds no idle wait to latency.
      else schedule(Math.max(0, flushInterval - (Date.now() - startedAt)));
    });
    return sending;
  }

  async function post({ taken, body }: TakenBatch): Promise<void> {
    let response: Response;
    try {
      response = await doFetch(`${base}/events`, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
      });
    } catch (error) {
      failed(taken, 'unreachable', unreachableMessage(base, error, page));
      return;
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      sent += taken.length;
      sendBackoff = undefined;
      return;
    }
    const why = `${String(response.status)} ${errorOf(text)}`;
    if (response.status === 400 || response.status === 413) {
      // Malformed or too large: sending the same again would be refused again.
      rejected += taken.length;
      report({
        kind: 'rejected',
        message: `the receiver refused ${String(taken.length)} updates: ${why}`,
      });
      return;
    }
    failed(taken, 'refused', `the receiver refused the batch: ${why}`);
  }

  function failed(taken: TakenUpdate[], kind: BridgeProblem['kind'], message: string): void {
    buffer.putBack(taken);
    sendBackoff = sendBackoff === undefined ? firstBackoff() : sendBackoff.next();
    lastFailure = { kind, message };
    if (!closing) report({ kind, message });
  }

  /** Sends batch after batch while the receiver takes them: one request holds `maxBatch`. */
  async function drain(): Promise<void> {
    await sending;
    for (let waiting = buffer.size; waiting > 0; waiting = buffer.size) {
      await send();
      if (buffer.size >= waiting) return;
    }
  }

  /** Tells `onError` what `close()` leaves undelivered: nothing else ever will. */
  function reportUndelivered(): void {
    if (buffer.size === 0) return;
    const why = lastFailure ?? {
      kind: 'unreachable',
      message: `the receiver at ${base} did not take them`,
    };
    const dropped =
      buffer.dropped === 0
        ? ''
        : `, besides ${updates(buffer.dropped)} dropped earlier because the buffer was full`;
    report({
      kind: why.kind,
      message: `closed with ${updates(buffer.size)} not delivered${dropped}: ${why.message}`,
    });
  }

  /** Opens the control channel: presence for the receiver, commands for us, until it ends. */
  async function control(): Promise<void> {
    while (!isClosed()) {
      try {
        const response = await doFetch(`${base}/control`, {
          method: 'POST',
          headers,
          body: JSON.stringify(source),
          signal: controller.signal,
        });
        if (!response.ok || response.body === null) {
          const text = await response.text().catch(() => '');
          report({
            kind: 'refused',
            message: `the receiver refused the control channel: ${String(response.status)} ${errorOf(text)}`,
          });
        } else {
          connected = true;
          controlBackoff = firstBackoff();
          // Whatever waited while the receiver was away goes now, not after the backoff.
          sendBackoff = undefined;
          if (sendTimer !== undefined) clearTimeout(sendTimer);
          sendTimer = undefined;
          schedule(0);
          await readJsonLines(response.body, handleCommand, (line) => {
            report({
              kind: 'command',
              message: `a command that is not JSON: ${line.slice(0, 200)}`,
            });
          });
        }
      } catch (error) {
        if (!isClosed()) {
          report({ kind: 'unreachable', message: unreachableMessage(base, error, page) });
        }
      }
      connected = false;
      if (isClosed()) return;
      await wait(controlBackoff.duration);
      controlBackoff = controlBackoff.next();
    }
  }

  let controlWait: (() => void) | undefined;
  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      controlWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  function handleCommand(value: unknown): void {
    const command = value as Partial<BridgeCommand> | null;
    if (command?.type !== 'retry' || typeof command.eventId !== 'string') {
      if ((value as { type?: unknown } | null)?.type === 'hello') return;
      report({ kind: 'command', message: `an unknown command: ${describeValue(value)}` });
      return;
    }
    const event = acceptRetries ? retained.get(command.eventId) : undefined;
    if (event === undefined) {
      report({
        kind: 'command',
        message: `cannot retry ${command.eventId}: this process does not have it (any more)`,
      });
      return;
    }
    const fresh = event.asFreshEvent({ copyMeta: command.copyMeta === true });
    const attempt = event.metadata.attempt;
    fresh.metadata.attempt = (typeof attempt === 'number' ? attempt : 1) + 1;
    if (options.watch === 'none') watch(fresh);
    void fresh.invoke();
  }

  let closed: Promise<void> | undefined;
  async function closeOnce(): Promise<void> {
    closing = true;
    stopWatchingCreation();
    for (const stop of [...subscriptions.values()]) stop();
    await drain();
    if (sendTimer !== undefined) clearTimeout(sendTimer);
    controlWait?.();
    controller.abort();
    reportUndelivered();
  }

  void control();

  return {
    source,
    watch,
    stats: () => ({ connected, sent, buffered: buffer.size, dropped: buffer.dropped, rejected }),
    async flush() {
      await sending;
      await send();
    },
    close() {
      closed ??= closeOnce();
      return closed;
    },
  };
}

/** The receiver's base URL and the token, from the dashboard URL a person copied. */
function parseTarget(url: string, token: string | undefined): { base: string; token: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(
      `url must be the dashboard's address, e.g. http://127.0.0.1:5173/?token=…, got ${describeValue(url)}`,
    );
  }
  const chosen = token ?? parsed.searchParams.get('token') ?? '';
  if (chosen === '') {
    throw new TypeError(
      `no token: pass { token } or use the URL with ?token=… that the receiver printed (got ${parsed.origin})`,
    );
  }
  return { base: `${parsed.origin}${BRIDGE_BASE_PATH}`, token: chosen };
}

function errorOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // Not our JSON error body: show the text itself.
  }
  return text.slice(0, 200);
}

function updates(count: number): string {
  return count === 1 ? '1 update' : `${String(count)} updates`;
}
