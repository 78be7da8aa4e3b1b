import {
  Event,
  isTerminalStatus,
  systemScheduler,
  toJsonSafe,
  UNSERIALIZABLE,
  ValidationError,
  type EventInit,
  type InvokeContext,
  type Scheduler,
  type TimerHandle,
} from '../../lib';
import { parseWorkerMessage, type PageMessage, type Phase } from './sandboxProtocol';
import { lineOfThrown, reviveThrown, type ThrownTree } from './thrownTree';
import { buildWorkerSource, type WorkerSource } from './workerSource';

/** The page's handle on one sandbox worker. */
export interface SandboxWorker {
  post(message: PageMessage): void;
  terminate(): void;
}

/** Starts a worker running `source`; messages and load errors go to the callbacks. */
export type SandboxWorkerFactory = (
  script: WorkerSource,
  onMessage: (data: unknown) => void,
  onError: (error: { message: string; line: number | undefined }) => void,
) => SandboxWorker;

export interface SandboxedEventInit extends EventInit {
  /** The learner's code as plain JavaScript (TypeScript already stripped of its types). */
  code: string;
  /** How workers are made; default: a dedicated worker from a blob of the script. */
  createWorker?: SandboxWorkerFactory;
}

/** Longest code a sandboxed event takes, in characters. */
export const MAX_CODE_LENGTH = 200_000;

/** Most timers the code may have waiting at once; more is a runaway loop, not a lesson. */
export const MAX_SANDBOX_TIMERS = 10_000;

/** Where the metadata keeps the line of the learner's code an error came from. */
export const ERROR_LINE_KEY = 'sandbox_error_line';

/**
 * An event whose `_precheck` and `_invoke` are the learner's code, run in a dedicated worker:
 * the page only posts messages to it and waits. An endless loop blocks the worker, never the
 * page; when the event ends for any reason (timeout, cancel, "Stop") the worker is
 * terminated. Errors come back as trees and are rebuilt with their children, `cause` and
 * `retryable`, so the event captures them as if they had been thrown here.
 */
export class SandboxedEvent extends Event {
  readonly code: string;
  readonly #createWorker: SandboxWorkerFactory;
  #worker: SandboxWorker | undefined;
  #loaded: Promise<void> | undefined;
  readonly #waiting = new Map<
    Phase,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();
  #progress: InvokeContext['reportProgress'] | undefined;
  /** The event's scheduler (a lesson clock when one is set), known once `_invoke` starts. */
  #scheduler: Scheduler = systemScheduler;
  /** The code's timers waiting on `#scheduler`, by the worker's id. */
  readonly #timers = new Map<number, TimerHandle>();

  constructor(init: SandboxedEventInit) {
    super(init);
    if (typeof init.code !== 'string' || init.code.length > MAX_CODE_LENGTH) {
      throw new ValidationError(
        `code must be text of at most ${String(MAX_CODE_LENGTH)} characters`,
        { details: { field: 'code' } },
      );
    }
    this.code = init.code;
    this.#createWorker = init.createWorker ?? createBlobWorker;
    this.subscribe((notification) => {
      if (notification.type === 'transition' && isTerminalStatus(notification.to)) {
        this.#stop(notification.reason ?? `the event ended ${notification.to}`);
      }
    });
  }

  /** Starts the worker and runs the learner's `_precheck`, if it has one. */
  protected override async _precheck(): Promise<void> {
    await this.#start();
    await this.#run('precheck');
  }

  protected async _invoke(ctx: InvokeContext): Promise<unknown> {
    this.#progress = (progress, message) => {
      ctx.reportProgress(progress, message);
    };
    this.#scheduler = ctx.scheduler;
    await this.#start();
    return this.#run('invoke');
  }

  #start(): Promise<void> {
    this.#loaded ??= new Promise<void>((resolve, reject) => {
      this.#worker = this.#createWorker(
        buildWorkerSource(this.code),
        (data) => {
          this.#receive(data, resolve, reject);
        },
        ({ message, line }) => {
          const tree: ThrownTree = { kind: 'error', name: 'SyntaxError', message };
          if (line !== undefined) tree.line = line;
          this.#fail(tree, reject);
        },
      );
    });
    return this.#loaded;
  }

  #run(phase: Phase): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(phase, { resolve, reject });
      const attempt = this.metadata.attempt;
      this.#worker?.post({
        type: 'run',
        phase,
        metadata: toJsonSafe(this.metadata),
        attempt: typeof attempt === 'number' ? attempt : 1,
      });
    });
  }

  #receive(data: unknown, loaded: () => void, loadFailed: (error: unknown) => void): void {
    if (isProgress(data)) {
      this.#progress?.(data.progress, data.message);
      return;
    }
    const message = parseWorkerMessage(data);
    if ('invalid' in message) {
      this.#fail(
        { kind: 'error', name: 'ProtocolError', message: `The sandbox sent ${message.invalid}.` },
        loadFailed,
      );
      return;
    }
    switch (message.type) {
      case 'timer':
        this.#setTimer(message.id, message.ms, loadFailed);
        return;
      case 'clear-timer':
        this.#clearTimer(message.id);
        return;
      case 'loaded':
        loaded();
        return;
      case 'load-failed':
        this.#fail(message.error, loadFailed);
        return;
      case 'settled': {
        const waiting = this.#waiting.get(message.phase);
        this.#waiting.delete(message.phase);
        if (message.ok) waiting?.resolve(message.unserializable ? UNSERIALIZABLE : message.value);
        else this.#fail(message.error, waiting?.reject ?? loadFailed);
      }
    }
  }

  /** Rejects with the thrown value rebuilt, noting the line of the code it came from. */
  #fail(tree: ThrownTree, reject: (error: unknown) => void): void {
    const line = lineOfThrown(tree);
    if (line !== undefined) this.metadata[ERROR_LINE_KEY] = line;
    const error = reviveThrown(tree);
    reject(error);
    // A failure outside a run (the worker crashed) ends every run still waiting.
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  /** Waits `ms` of the event's time for the code, then tells the worker its timer is due. */
  #setTimer(id: number, ms: number, failed: (error: unknown) => void): void {
    if (this.#worker === undefined) return;
    if (this.#timers.size >= MAX_SANDBOX_TIMERS && !this.#timers.has(id)) {
      const message = `The code set more than ${String(MAX_SANDBOX_TIMERS)} timers at once.`;
      this.#fail({ kind: 'error', name: 'RangeError', message }, failed);
      return;
    }
    this.#clearTimer(id);
    const handle = this.#scheduler.setTimeout(() => {
      this.#timers.delete(id);
      this.#worker?.post({ type: 'timer-fired', id });
    }, ms);
    this.#timers.set(id, handle);
  }

  #clearTimer(id: number): void {
    if (!this.#timers.has(id)) return;
    this.#scheduler.clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }

  #stop(reason: string): void {
    for (const id of [...this.#timers.keys()]) this.#clearTimer(id);
    const worker = this.#worker;
    if (worker === undefined) return;
    this.#worker = undefined;
    worker.post({ type: 'abort', reason });
    worker.terminate();
  }
}

function isProgress(data: unknown): data is { progress: number; message?: string } {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; progress?: unknown };
  return message.type === 'progress' && typeof message.progress === 'number';
}

/**
 * A dedicated worker made from a blob of its script. It has no DOM and no window; what it
 * could still reach of the page's origin is blocked by the script itself before the learner's
 * code runs (see `BLOCKED_GLOBALS`).
 */
export const createBlobWorker: SandboxWorkerFactory = (script, onMessage, onError) => {
  const url = URL.createObjectURL(new Blob([script.source], { type: 'text/javascript' }));
  const { firstLine } = script;
  const worker = new Worker(url, { name: 'lifecycle-lab sandbox' });
  const release = (): void => {
    URL.revokeObjectURL(url);
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    release();
    onMessage(event.data);
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    // Reported here, as the event's error; not also as an uncaught error of the page.
    event.preventDefault();
    release();
    const line = event.lineno > 0 ? event.lineno - firstLine + 1 : undefined;
    onError({
      message: event.message || 'The code could not be loaded.',
      line: line !== undefined && line >= 1 ? line : undefined,
    });
  });
  return {
    post: (message) => {
      worker.postMessage(message);
    },
    terminate: () => {
      worker.terminate();
      release();
    },
  };
};
