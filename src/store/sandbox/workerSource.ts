import { serializeThrown } from './thrownTree';

/**
 * What the worker can no longer reach once the sandbox has started. A worker made from a blob
 * has the page's origin: without this it could read the page's IndexedDB and Cache Storage,
 * talk to other tabs (`BroadcastChannel`), send requests to the dashboard's own server, load
 * scripts, or spawn workers of its own. `postMessage` and `close` are the sandbox's own line to
 * the page; the learner's code cannot forge a result or end the worker silently.
 */
export const BLOCKED_GLOBALS: readonly string[] = [
  'indexedDB',
  'caches',
  'cookieStore',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'BroadcastChannel',
  'importScripts',
  'Worker',
  'SharedWorker',
  'postMessage',
  'close',
  'requestFileSystem',
  'webkitRequestFileSystem',
  'requestFileSystemSync',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
];

/** The same for `navigator`: the origin's storage (OPFS), its locks, devices. */
export const BLOCKED_NAVIGATOR: readonly string[] = [
  'storage',
  'locks',
  'serviceWorker',
  'usb',
  'hid',
  'serial',
  'bluetooth',
];

/** What the learner's code defines, as the sandbox finds it. */
interface UserFunctions {
  invoke: unknown;
  precheck: unknown;
}

/**
 * The sandbox's side of the protocol (`./sandboxProtocol`). Inlined as source text into the
 * worker, before the learner's code: it must use nothing from outside its own body. It takes
 * the page's line to the worker first, blocks what the worker must not reach, then runs the
 * learner's code and answers `run` and `abort` messages.
 */
export function sandboxMain(
  serialize: typeof serializeThrown,
  firstLine: number,
  lastLine: number,
  blockedGlobals: readonly string[],
  blockedNavigator: readonly string[],
  userFunctions: () => UserFunctions,
): void {
  const scope = globalThis as unknown as {
    postMessage: (message: unknown) => void;
    addEventListener: (type: 'message', listener: (event: { data: unknown }) => void) => void;
    navigator?: object;
  };
  const post = scope.postMessage.bind(scope);
  const listen = scope.addEventListener.bind(scope);
  const lineOf = (stack: string): number | undefined => {
    const frames = stack.matchAll(/blob:\S*?:(\d+):(\d+)/g);
    for (const frame of frames) {
      const line = Number(frame[1]);
      if (line >= firstLine && line <= lastLine) return line - firstLine + 1;
    }
    return undefined;
  };
  const shadow = (target: object, name: string): void => {
    let object: object | null = target;
    while (object !== null) {
      if (Object.prototype.hasOwnProperty.call(object, name)) {
        try {
          Object.defineProperty(object, name, {
            value: undefined,
            writable: false,
            configurable: false,
          });
        } catch {
          // A property that cannot be redefined stays; the next object in the chain may not.
        }
      }
      object = Object.getPrototypeOf(object) as object | null;
    }
  };
  for (const name of blockedGlobals) shadow(globalThis, name);
  const navigator = scope.navigator;
  if (navigator !== undefined) for (const name of blockedNavigator) shadow(navigator, name);

  const fail = (type: string, phase: string | undefined, error: unknown): void => {
    post({ type, phase, ok: false, error: serialize(error, lineOf) });
  };
  let user: UserFunctions;
  try {
    user = userFunctions();
  } catch (error) {
    fail('load-failed', undefined, error);
    return;
  }
  const controller = new AbortController();
  // Waits go through the page, on the event's scheduler: they follow the lesson clock.
  const timers = new Map<number, () => void>();
  let lastTimer = 0;
  const scheduler = {
    setTimeout: (callback: unknown, ms?: unknown): number => {
      lastTimer += 1;
      const wait = Math.min(Math.max(Number(ms) || 0, 0), 2_147_483_647);
      timers.set(lastTimer, typeof callback === 'function' ? (callback as () => void) : () => 0);
      post({ type: 'timer', id: lastTimer, ms: wait });
      return lastTimer;
    },
    clearTimeout: (handle: unknown): void => {
      if (typeof handle === 'number' && timers.delete(handle)) {
        post({ type: 'clear-timer', id: handle });
      }
    },
  };
  const sleep = (ms?: unknown): Promise<void> =>
    new Promise((resolve) => {
      scheduler.setTimeout(resolve, ms);
    });
  listen('message', (event) => {
    const message = event.data as {
      type?: unknown;
      phase?: unknown;
      reason?: unknown;
      id?: unknown;
    } | null;
    if (message === null || typeof message !== 'object') return;
    if (message.type === 'timer-fired') {
      const callback = typeof message.id === 'number' ? timers.get(message.id) : undefined;
      if (callback === undefined) return;
      timers.delete(message.id as number);
      callback();
      return;
    }
    if (message.type === 'abort') {
      controller.abort(typeof message.reason === 'string' ? message.reason : undefined);
      return;
    }
    if (message.type !== 'run') return;
    const phase = message.phase === 'precheck' ? 'precheck' : 'invoke';
    const context = message as { metadata?: unknown; attempt?: unknown };
    const work = phase === 'precheck' ? user.precheck : user.invoke;
    const settle = (value: unknown): void => {
      try {
        post({ type: 'settled', phase, ok: true, value });
      } catch {
        // Functions, class instances with private state, … cannot be cloned to the page.
        post({ type: 'settled', phase, ok: true, value: undefined, unserializable: true });
      }
    };
    if (typeof work !== 'function') {
      if (phase === 'precheck') settle(undefined);
      else fail('settled', phase, new TypeError('Your code defines no _invoke(ctx) function.'));
      return;
    }
    const ctx = {
      signal: controller.signal,
      metadata: context.metadata,
      attempt: context.attempt,
      scheduler,
      sleep,
      reportProgress: (progress: unknown, text?: unknown): void => {
        if (typeof progress !== 'number') return;
        post({ type: 'progress', progress, message: typeof text === 'string' ? text : undefined });
      },
    };
    Promise.resolve()
      .then(() => (work as (ctx: unknown) => unknown)(ctx))
      .then(settle, (error: unknown) => {
        fail('settled', phase, error);
      });
  });
  post({
    type: 'loaded',
    hasInvoke: typeof user.invoke === 'function',
    hasPrecheck: typeof user.precheck === 'function',
  });
}

/** The worker's whole script and where the learner's code sits in it. */
export interface WorkerSource {
  source: string;
  /** The line of the script the learner's line 1 is on. */
  firstLine: number;
}

/**
 * The worker's script: the sandbox, then the learner's code (plain JavaScript, already
 * stripped of types) in a strict function of its own, so its declarations stay out of the
 * worker's global scope and `_invoke` and `_precheck` are found by name.
 */
export function buildWorkerSource(code: string): WorkerSource {
  const head = (firstLine: number, lastLine: number): string =>
    `(${String(sandboxMain)})(${String(serializeThrown)}, ${String(firstLine)}, ${String(lastLine)}, ${JSON.stringify(BLOCKED_GLOBALS)}, ${JSON.stringify(BLOCKED_NAVIGATOR)}, function () { "use strict";\n`;
  const firstLine = head(0, 0).split('\n').length;
  const codeLines = code.split('\n').length;
  const tail =
    '\n;return { invoke: typeof _invoke === "function" ? _invoke : undefined, precheck: typeof _precheck === "function" ? _precheck : undefined };\n});\n';
  return { source: head(firstLine, firstLine + codeLines - 1) + code + tail, firstLine };
}
