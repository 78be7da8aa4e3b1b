import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BRIDGE_BASE_PATH,
  type BridgeBatchReply,
  type BridgeCommandRequest,
  type BridgeEventUpdate,
  type BridgeSourceInfo,
  type RemoteEventUpdate,
  type RemoteSource,
} from '../../src/lib/bridge/protocol.ts';
import { decodeUtf8, describeNotUtf8, type NotUtf8 } from '../../src/store/formats/decodeUtf8.ts';
import type { Middleware } from '../middleware.ts';
import {
  lionherdUpdate,
  parseLionherdBody,
  sameSnapshot,
  type LionherdRecord,
} from './lionherdIngest.ts';
import { createRateLimiter } from './rateLimiter.ts';
import { checkRequest, type GuardOptions } from './requestGuard.ts';
import { validateBatch, validateSourceInfo } from './validateBatch.ts';

export interface ReceiverOptions {
  /** The per-run secret; default `LIFECYCLE_LAB_TOKEN` from the environment, or a random one. */
  token?: string;
  /** Origins of other pages allowed to send, e.g. a browser app at `http://localhost:3000`. */
  allowedOrigins?: readonly string[];
  /** Host names besides 127.0.0.1, localhost and [::1] that requests may be addressed to. */
  allowedHosts?: readonly string[];
  /** Largest request body, bytes (default 5 MB). */
  maxBodyBytes?: number;
  /** Requests per second per source (or per address), on average (default 100; bursts of 2×). */
  requestsPerSecond?: number;
  /** Events kept for dashboards that connect later; the oldest are forgotten (default 200,000). */
  maxEvents?: number;
  /** Milliseconds updates are gathered before they go to the dashboards (default 25). */
  broadcastInterval?: number;
  now?: () => number;
}

/** The receiver: takes updates from sources and streams them to dashboards. */
export interface Receiver {
  /** Connect-style middleware: answers `{BRIDGE_BASE_PATH}/…`, passes everything else on. */
  middleware: Middleware;
  readonly token: string;
  /** Sources as the dashboards see them. */
  sources(): RemoteSource[];
  /** The latest update of every event kept. */
  events(): RemoteEventUpdate[];
  /**
   * Publishes updates of a source the receiver itself reads (a watched queue), as if it had
   * posted them; `connected` says whether it can be reached now.
   */
  publish(
    source: BridgeSourceInfo,
    connected: boolean,
    updates: readonly BridgeEventUpdate[],
  ): void;
  /** Takes the dashboard's commands for a source the receiver itself reads. */
  handleCommands(sourceId: string, handler: LocalCommandHandler): void;
  /** Ends every open stream and control channel (for a clean shutdown). */
  close(): void;
}

/** Runs a command for a source the receiver reads itself; resolves to why not, or `null`. */
export type LocalCommandHandler = (eventIds: readonly string[]) => Promise<string | null>;

interface SourceState {
  info: RemoteSource;
  control: ServerResponse | undefined;
  /** The run number of each run id seen (1 for the first), to order a restart's updates. */
  runs: Map<string, number>;
}

/** A source's state and which of its runs sent the message at hand. */
interface Touched {
  state: SourceState;
  run: number;
}

/** Runs of one source remembered; older run ids are forgotten first. */
const MAX_RUNS = 100;

/** A source's identity across restarts: its key, or the run id when it sends none. */
const keyOf = (info: BridgeSourceInfo): string => info.key ?? info.id;

/**
 * Most updates in one Server-Sent Event. A dashboard parses each message in one task: a post
 * of 5,000 updates sent on as one message took 30 ms and more to parse on a busy machine;
 * a broadcast of a steady stream (25 ms of it) holds a few hundred.
 */
export const MESSAGE_UPDATES = 500;

/** Events sent to a dashboard that just connected, per Server-Sent Event. */
const REPLAY_CHUNK = 1_000;

/**
 * Creates a receiver with its own token, sources and events. Mount its middleware on any Node
 * HTTP server (the Vite plugin and the `lifecycle-lab` command do).
 *
 * ```ts
 * const receiver = createReceiver();
 * http.createServer((req, res) => receiver.middleware(req, res, () => serveApp(req, res)));
 * console.log(`http://127.0.0.1:4321/?token=${receiver.token}`);
 * ```
 */
export function createReceiver(options: ReceiverOptions = {}): Receiver {
  const token = options.token ?? process.env.LIFECYCLE_LAB_TOKEN ?? randomBytes(16).toString('hex');
  const guard: GuardOptions = {
    token,
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHosts: options.allowedHosts ?? [],
  };
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const perSecond = options.requestsPerSecond ?? 100;
  const limiter = createRateLimiter(perSecond, perSecond * 2, options.now);
  const maxEvents = options.maxEvents ?? 200_000;
  const broadcastInterval = options.broadcastInterval ?? 25;
  const now = options.now ?? Date.now;

  const sources = new Map<string, SourceState>();
  const events = new Map<string, RemoteEventUpdate>();
  const dashboards = new Set<ServerResponse>();
  /** Dashboards still being sent what was kept, with the frames broadcast meanwhile. */
  const joining = new Map<ServerResponse, string[]>();
  /**
   * Updates not yet sent to the dashboards, one per event: a snapshot carries the event's whole
   * timeline, so a later one replaces an earlier one still waiting, notifications joined.
   */
  let outgoing = new Map<string, RemoteEventUpdate>();
  let sourcesChanged = false;
  let broadcastTimer: ReturnType<typeof setTimeout> | undefined;
  const localHandlers = new Map<string, LocalCommandHandler>();
  /** Sequence numbers of lionherd sources, which send none themselves. */
  const lionherdSeq = new Map<string, number>();

  const scheduleBroadcast = (): void => {
    if (broadcastTimer !== undefined) return;
    broadcastTimer = setTimeout(broadcast, broadcastInterval);
  };

  function broadcast(): void {
    broadcastTimer = undefined;
    if (sourcesChanged) {
      sourcesChanged = false;
      send('sources', listSources());
    }
    if (outgoing.size > 0) {
      const updates = [...outgoing.values()];
      outgoing = new Map();
      for (let start = 0; start < updates.length; start += MESSAGE_UPDATES) {
        send('updates', updates.slice(start, start + MESSAGE_UPDATES));
      }
    }
  }

  /** Sends every dashboard a message; those still joining get it after their replay. */
  function send(name: string, data: unknown): void {
    deliver(frameOf(name, JSON.stringify(data)));
  }

  function deliver(frame: string): void {
    for (const res of dashboards) res.write(frame);
    for (const queued of joining.values()) queued.push(frame);
  }

  /**
   * Sends a dashboard that just connected every event kept, one message per turn of the event
   * loop (or per drain of its socket), so the sources' posts are answered meanwhile: sent in
   * one go, 100,000 events held the server for 0.8–1.0 s. What is broadcast during the replay
   * follows it; an event it then hears of twice is told apart by its `seq`.
   */
  function replay(res: ServerResponse): void {
    const known = [...events.values()];
    const queued: string[] = [];
    joining.set(res, queued);
    let start = 0;
    const next = (): void => {
      if (!joining.has(res)) return; // closed meanwhile
      if (start >= known.length) {
        joining.delete(res);
        for (const frame of queued) res.write(frame);
        dashboards.add(res);
        return;
      }
      const chunk = known.slice(start, start + REPLAY_CHUNK);
      start += REPLAY_CHUNK;
      if (res.write(frameOf('updates', JSON.stringify(chunk)))) setImmediate(next);
      else res.once('drain', next);
    };
    next();
  }

  const listSources = (): RemoteSource[] =>
    [...sources.values()].map((state) => ({ ...state.info }));

  /**
   * The source of `info` (made on first sight) and the number of the run that sent it. A new
   * run of a known key is a restart: the source takes on its pid, host and capabilities.
   */
  function touchSource(
    info: BridgeSourceInfo,
    kind: RemoteSource['kind'],
    dropped: number,
  ): Touched {
    const key = keyOf(info);
    let state = sources.get(key);
    const time = now();
    const { key: _key, ...described } = info;
    if (state === undefined) {
      state = {
        info: {
          ...described,
          id: key,
          run: 1,
          kind,
          connected: false,
          connectedSince: time,
          lastMessageAt: time,
          dropped,
        },
        control: undefined,
        runs: new Map([[info.id, 1]]),
      };
      sources.set(key, state);
    }
    let run = state.runs.get(info.id);
    if (run === undefined) {
      run = state.info.run + 1;
      state.runs.set(info.id, run);
      if (state.runs.size > MAX_RUNS) state.runs.delete(state.runs.keys().next().value ?? '');
      // A restart: what the source says of itself now comes from its latest run.
      Object.assign(state.info, described, { id: key, run, dropped: 0 });
    }
    state.info.lastMessageAt = time;
    if (run === state.info.run) state.info.dropped = Math.max(state.info.dropped, dropped);
    sourcesChanged = true;
    return { state, run };
  }

  /**
   * Keeps the update if it is newer than what is known of its event: from a later run of its
   * source, or from the same run with a higher `seq`; `false` for a repeat or a stale run's.
   * With `owned` (an update parsed from a request here, which nothing else holds) it is kept
   * as it is, with its source and run set on it: a copy of every update cost more than the
   * rest of keeping it.
   */
  function accept(
    sourceId: string,
    run: number,
    update: BridgeEventUpdate,
    owned = false,
  ): boolean {
    const id = update.event.id;
    const known = events.get(id);
    if (
      known?.sourceId === sourceId &&
      (known.run > run || (known.run === run && known.seq >= update.seq))
    ) {
      return false;
    }
    const remote: RemoteEventUpdate = owned
      ? Object.assign(update, { sourceId, run })
      : { ...update, sourceId, run };
    events.delete(id);
    events.set(id, remote);
    if (events.size > maxEvents) {
      const oldest = events.keys().next();
      if (oldest.done !== true) events.delete(oldest.value);
    }
    const waiting = outgoing.get(id);
    outgoing.delete(id);
    outgoing.set(
      id,
      waiting === undefined || waiting.notifications.length === 0
        ? remote
        : { ...remote, notifications: [...waiting.notifications, ...remote.notifications] },
    );
    return true;
  }

  function handleEvents(res: ServerResponse, body: unknown): void {
    const checked = validateBatch(body);
    if (!checked.ok) {
      reply(res, 400, { error: `malformed batch, nothing was changed: ${checked.error}` });
      return;
    }
    const batch = checked.value;
    const wait = limiter.take(`source:${batch.source.id}`);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      reply(res, 429, {
        error: `too many requests from source '${batch.source.name}': at most ${String(perSecond)} per second`,
      });
      return;
    }
    const { state, run } = touchSource(batch.source, 'bridge', batch.dropped);
    let accepted = 0;
    for (const update of batch.updates) if (accept(state.info.id, run, update, true)) accepted += 1;
    const answer: BridgeBatchReply = { accepted, duplicates: batch.updates.length - accepted };
    scheduleBroadcast();
    reply(res, 200, answer);
  }

  function handleControl(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const checked = validateSourceInfo(body);
    if (!checked.ok) {
      reply(res, 400, { error: `malformed source, nothing was changed: ${checked.error}` });
      return;
    }
    const { state, run } = touchSource(checked.value, 'bridge', 0);
    if (run < state.info.run && state.control !== undefined) {
      reply(res, 409, {
        error: `a later run of source '${state.info.name}' (${state.info.id}) is connected: processes that run at the same time need their own instance`,
      });
      return;
    }
    state.control?.end();
    state.control = res;
    state.info.connected = true;
    state.info.connectedSince = now();
    res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
    res.write(`${JSON.stringify({ type: 'hello' })}\n`);
    req.socket.setKeepAlive(true, 5_000);
    res.on('close', () => {
      if (state.control !== res) return;
      state.control = undefined;
      state.info.connected = false;
      sourcesChanged = true;
      scheduleBroadcast();
    });
    scheduleBroadcast();
  }

  function handleLionherd(res: ServerResponse, url: URL, text: string): void {
    const name = url.searchParams.get('source') ?? 'python';
    if (name === '' || name.length > 100) {
      reply(res, 400, { error: 'source must be a name of 1 to 100 characters' });
      return;
    }
    const id = `lionherd:${name}`;
    const wait = limiter.take(id);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      reply(res, 429, { error: `too many requests from source '${name}'` });
      return;
    }
    const parsed = parseLionherdBody(text);
    if (!parsed.ok) {
      reply(res, 400, {
        error: `malformed lionherd records, nothing was changed: ${parsed.error}`,
      });
      return;
    }
    const otherEvent = sameIdOtherEvent(parsed.value);
    if (otherEvent !== null) {
      reply(res, 409, {
        error: `another event with a known id, nothing was changed: ${otherEvent}`,
      });
      return;
    }
    const { run } = touchSource(
      { id, name, host: null, pid: null, runtime: 'python', capabilities: [] },
      'lionherd',
      0,
    );
    let accepted = 0;
    for (const record of parsed.value) {
      const previous = events.get(record.id);
      const seq = (lionherdSeq.get(id) ?? 0) + 1;
      const update = lionherdUpdate(record, previous, seq, now());
      if (previous !== undefined && sameSnapshot(previous, update)) continue;
      lionherdSeq.set(id, seq);
      if (accept(id, run, update, true)) accepted += 1;
    }
    scheduleBroadcast();
    reply(res, 200, { accepted, duplicates: parsed.value.length - accepted });
  }

  /**
   * A record whose id was seen with another `created_at` is not a snapshot of that event but
   * another event, which merging would drop (the import refuses it the same way).
   */
  function sameIdOtherEvent(records: readonly LionherdRecord[]): string | null {
    const createdAt = new Map<string, string>();
    for (const [index, record] of records.entries()) {
      const known = createdAt.get(record.id) ?? events.get(record.id)?.event.created_at;
      if (known !== undefined && known !== record.created_at) {
        return `[${String(index)}].created_at: ${record.created_at} differs from ${known} of the event with id ${JSON.stringify(record.id)} already received; give the new event its own id`;
      }
      createdAt.set(record.id, record.created_at);
    }
    return null;
  }

  function handleCommand(res: ServerResponse, body: unknown): void {
    const request = body as Partial<BridgeCommandRequest> | null;
    const command = request?.command;
    const extra: unknown = command?.eventIds;
    if (
      typeof request?.sourceId !== 'string' ||
      command?.type !== 'retry' ||
      typeof command.eventId !== 'string' ||
      (extra !== undefined &&
        (!Array.isArray(extra) || !extra.every((id) => typeof id === 'string')))
    ) {
      reply(res, 400, {
        error: "expected { sourceId, command: { type: 'retry', eventId, eventIds?, copyMeta } }",
      });
      return;
    }
    const eventIds = [...new Set([command.eventId, ...(extra ?? [])])];
    const local = localHandlers.get(request.sourceId);
    if (local !== undefined) {
      local(eventIds).then(
        (why) => {
          if (why === null) reply(res, 202, { delivered: true, count: eventIds.length });
          else reply(res, 409, { error: why });
        },
        () => {
          reply(res, 502, { error: 'the command could not be carried out' });
        },
      );
      return;
    }
    const state = sources.get(request.sourceId);
    if (state?.control === undefined) {
      reply(res, 409, {
        error: `source ${state === undefined ? request.sourceId : `'${state.info.name}'`} is not connected`,
      });
      return;
    }
    if (!state.info.capabilities.includes('retry')) {
      reply(res, 409, { error: `source '${state.info.name}' does not accept retries` });
      return;
    }
    for (const eventId of eventIds) {
      state.control.write(
        `${JSON.stringify({ type: 'retry', eventId, copyMeta: command.copyMeta })}\n`,
      );
    }
    reply(res, 202, { delivered: true, count: eventIds.length });
  }

  function handleStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    req.socket.setKeepAlive(true, 5_000);
    // What is queued goes to the dashboards already listening; the new one gets it in the replay.
    if (broadcastTimer !== undefined) {
      clearTimeout(broadcastTimer);
      broadcast();
    }
    res.write(frameOf('sources', JSON.stringify(listSources())));
    res.on('close', () => {
      joining.delete(res);
      dashboards.delete(res);
    });
    replay(res);
  }

  const middleware: Middleware = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== BRIDGE_BASE_PATH && !url.pathname.startsWith(`${BRIDGE_BASE_PATH}/`)) {
      next();
      return;
    }
    const verdict = checkRequest(req, url, guard);
    if (!verdict.ok) {
      reply(res, verdict.status, { error: verdict.error });
      req.resume();
      return;
    }
    if (verdict.origin !== null) {
      res.setHeader('Access-Control-Allow-Origin', verdict.origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
      res.statusCode = 204;
      res.end();
      return;
    }
    const route = `${req.method ?? 'GET'} ${url.pathname.slice(BRIDGE_BASE_PATH.length)}`;
    if (route === 'GET /stream') {
      handleStream(req, res);
      return;
    }
    if (route === 'GET /sources') {
      reply(res, 200, listSources());
      return;
    }
    const handlers: Record<string, ((text: string) => void) | undefined> = {
      'POST /events': (text) => {
        withJson(res, text, (body) => {
          handleEvents(res, body);
        });
      },
      'POST /control': (text) => {
        withJson(res, text, (body) => {
          handleControl(req, res, body);
        });
      },
      'POST /commands': (text) => {
        withJson(res, text, (body) => {
          handleCommand(res, body);
        });
      },
      'POST /lionherd': (text) => {
        handleLionherd(res, url, text);
      },
    };
    const handler = handlers[route];
    if (handler === undefined) {
      reply(res, 404, {
        error: `no such endpoint: ${route} (see the protocol in lifecycle-lab-core/bridge)`,
      });
      req.resume();
      return;
    }
    readBody(req, maxBodyBytes).then(handler, (error: unknown) => {
      const tooLarge = error instanceof BodyTooLarge;
      reply(res, tooLarge ? 413 : 400, {
        error: tooLarge
          ? `body larger than ${String(maxBodyBytes)} bytes, nothing was changed`
          : error instanceof BodyNotUtf8
            ? `the body ${describeNotUtf8(error.where)}; JSON travels as UTF-8, nothing was changed`
            : 'the request body could not be read',
      });
    });
  };

  return {
    middleware,
    token,
    sources: listSources,
    events: () => [...events.values()],
    publish(info, connected, updates) {
      const { state, run } = touchSource(info, 'queue', 0);
      if (state.info.connected !== connected) {
        state.info.connected = connected;
        if (connected) state.info.connectedSince = now();
      }
      for (const update of updates) accept(state.info.id, run, update);
      scheduleBroadcast();
    },
    handleCommands(sourceId, handler) {
      localHandlers.set(sourceId, handler);
    },
    close() {
      if (broadcastTimer !== undefined) clearTimeout(broadcastTimer);
      for (const res of [...dashboards, ...joining.keys()]) res.end();
      dashboards.clear();
      joining.clear();
      for (const state of sources.values()) state.control?.end();
    },
  };
}

/** A Server-Sent Event: its name and its data, one line of JSON. */
function frameOf(name: string, json: string): string {
  return `event: ${name}\ndata: ${json}\n\n`;
}

class BodyTooLarge extends Error {}

/** A body whose bytes are not UTF-8: read anyway, its strings would hold U+FFFD. */
class BodyNotUtf8 extends Error {
  constructor(readonly where: NotUtf8) {
    super('the body is not UTF-8');
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      // A file saved as UTF-8 with a byte order mark (Windows, Python's utf-8-sig) is still
      // JSON: the decoder drops the mark.
      const text = decodeUtf8(Buffer.concat(chunks));
      if (typeof text === 'string') resolve(text);
      else reject(new BodyNotUtf8(text));
    });
    req.on('error', (error) => {
      failed = true;
      reject(error);
    });
  });
}

function withJson(res: ServerResponse, text: string, use: (body: unknown) => void): void {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    reply(res, 400, {
      error: `the body is not JSON (${error instanceof Error ? error.message : 'unreadable'}), nothing was changed`,
    });
    return;
  }
  use(body);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
