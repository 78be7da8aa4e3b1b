import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createLessonClock, EventStatus, serializeError } from '../../lib';
import { ERROR_LINE_KEY, SandboxedEvent, type SandboxWorkerFactory } from './sandboxedEvent';
import { parseWorkerMessage } from './sandboxProtocol';
import { reviveThrown, serializeThrown } from './thrownTree';
import { BLOCKED_GLOBALS, buildWorkerSource } from './workerSource';

/**
 * A stand-in worker: the real worker script run in a V8 context of its own (Node's `vm`), whose
 * global object holds only the worker's own API and `scope`. Messages cross asynchronously and
 * as structured clones, as they would.
 */
const fakeWorker =
  (scope: Record<string, unknown> = {}): SandboxWorkerFactory =>
  (script, onMessage) => {
    const listeners: ((event: { data: unknown }) => void)[] = [];
    let terminated = false;
    const global: Record<string, unknown> = {
      ...scope,
      // The web API a worker has and the script uses; the language's own built-ins come with
      // the context.
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      structuredClone,
      AbortController,
      AbortSignal,
      DOMException,
      performance,
      console,
      postMessage: (data: unknown) => {
        const copy = structuredClone(data);
        setTimeout(() => {
          if (!terminated) onMessage(copy);
        }, 0);
      },
      addEventListener: (_type: string, listener: (event: { data: unknown }) => void) => {
        listeners.push(listener);
      },
    };
    const context = createContext(global);
    setTimeout(() => {
      runInContext(script.source, context, { filename: 'sandbox-worker.js' });
    }, 0);
    return {
      post: (message) => {
        const copy = structuredClone(message);
        setTimeout(() => {
          if (!terminated) for (const listener of listeners) listener({ data: copy });
        }, 0);
      },
      terminate: () => {
        terminated = true;
      },
    };
  };

const eventOf = (code: string, scope?: Record<string, unknown>, timeout?: number) =>
  new SandboxedEvent({ code, createWorker: fakeWorker(scope), timeout: timeout ?? null });

describe('the sandbox worker script', () => {
  it('puts the learner code on the line it reports as the first', () => {
    const { source, firstLine } = buildWorkerSource('// line one\nconst x = 1;');
    expect(source.split('\n')[firstLine - 1]).toBe('// line one');
    expect(source.split('\n')[firstLine]).toBe('const x = 1;');
  });

  it('blocks what a worker of the page origin could reach before the code runs', async () => {
    const scope = { indexedDB: { open: 'the page storage' }, fetch: () => 'a request' };
    const event = eventOf(
      'async function _invoke() { return [typeof indexedDB, typeof globalThis.fetch, typeof postMessage]; }',
      scope,
    );
    await event.invoke();
    expect(event.execution.response).toEqual(['undefined', 'undefined', 'undefined']);
    expect(BLOCKED_GLOBALS).toEqual(
      expect.arrayContaining(['indexedDB', 'caches', 'fetch', 'importScripts']),
    );
  });
});

describe('a sandboxed event', () => {
  it('completes with what _invoke returned, given its metadata in ctx', async () => {
    const event = new SandboxedEvent({
      code: 'async function _invoke(ctx) { return { seen: ctx.metadata.who }; }',
      metadata: { who: 'learner' },
      createWorker: fakeWorker(),
    });
    await event.invoke();
    expect(event.status).toBe(EventStatus.COMPLETED);
    expect(event.execution.response).toEqual({ seen: 'learner' });
  });

  it('fails with an AggregateError whose children survive the trip', async () => {
    const event = eventOf(
      [
        'function _invoke() {',
        '  const bad = new Error("bad input"); bad.name = "ValueError"; bad.retryable = false;',
        '  throw new AggregateError([bad, new TypeError("wrong type")], "two problems");',
        '}',
      ].join('\n'),
    );
    await event.invoke();
    expect(event.status).toBe(EventStatus.FAILED);
    expect(serializeError(event.execution.error)).toEqual({
      error: 'AggregateError',
      message: 'two problems',
      exceptions: [
        { error: 'ValueError', message: 'bad input', retryable: false },
        { error: 'TypeError', message: 'wrong type' },
      ],
    });
    expect(event.execution.retryable).toBe(false);
  });

  it('aborts when its _precheck throws, and never runs _invoke', async () => {
    const event = eventOf(
      'function _precheck() { throw new RangeError("over the limit"); }\nfunction _invoke() { return 1; }',
    );
    await event.invoke();
    expect(event.status).toBe(EventStatus.ABORTED);
    expect(serializeError(event.execution.error)).toMatchObject({ error: 'RangeError' });
  });

  it('fails clearly when the code defines no _invoke', async () => {
    const event = eventOf('const nothing = 1;');
    await event.invoke();
    expect(serializeError(event.execution.error)).toMatchObject({
      error: 'TypeError',
      message: 'Your code defines no _invoke(ctx) function.',
    });
  });

  it('ends cancelled on its timeout and terminates the worker', async () => {
    let terminated = false;
    const factory: SandboxWorkerFactory = (script, onMessage, onError) => {
      const worker = fakeWorker()(script, onMessage, onError);
      return {
        post: (message) => {
          worker.post(message);
        },
        terminate: () => {
          terminated = true;
          worker.terminate();
        },
      };
    };
    const event = new SandboxedEvent({
      code: 'function _invoke() { return new Promise(() => {}); }',
      timeout: 0.05,
      createWorker: factory,
    });
    await event.invoke();
    expect(event.status).toBe(EventStatus.CANCELLED);
    expect(terminated).toBe(true);
  });

  it('waits with ctx.sleep and ctx.scheduler on the lesson clock: paused, stepped, timed in it', async () => {
    const lesson = createLessonClock({ paused: true });
    const event = new SandboxedEvent({
      code: `async function _invoke(ctx) {
        await ctx.sleep(1000);
        const cleared = ctx.scheduler.setTimeout(() => { throw new Error('cleared timer ran'); }, 10);
        ctx.scheduler.clearTimeout(cleared);
        await new Promise((resolve) => ctx.scheduler.setTimeout(resolve, 500));
        return 'slept';
      }`,
      createWorker: fakeWorker(),
      clock: lesson,
      scheduler: lesson,
    });
    const done = event.invoke();
    await expect.poll(() => lesson.pendingCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(event.status).toBe(EventStatus.PROCESSING); // real time passes; lesson time does not
    expect(lesson.nextDueIn()).toBe(1000);
    lesson.step();
    await expect.poll(() => lesson.nextDueIn()).toBe(500);
    lesson.step();
    await done;
    expect(event.status).toBe(EventStatus.COMPLETED);
    expect(event.execution.response).toBe('slept');
    expect(event.execution.duration).toBeCloseTo(1.5, 6);
  });

  it("drops the code's timers when the event ends", async () => {
    const lesson = createLessonClock({ paused: true });
    const event = new SandboxedEvent({
      code: 'async function _invoke(ctx) { await ctx.sleep(60000); }',
      createWorker: fakeWorker(),
      clock: lesson,
      scheduler: lesson,
    });
    const done = event.invoke();
    await expect.poll(() => lesson.pendingCount()).toBe(1);
    event.cancel('stopped');
    await done;
    expect(event.status).toBe(EventStatus.CANCELLED);
    expect(lesson.pendingCount()).toBe(0);
  });

  it('keeps the code for a fresh retry', () => {
    const event = eventOf('function _invoke() { return 1; }');
    expect(event.asFreshEvent().code).toBe(event.code);
  });
});

describe('thrown values across the boundary', () => {
  it('keeps the name, message, cause and retryable of an error', () => {
    const cause = new Error('root');
    const error = Object.assign(new Error('outer', { cause }), { retryable: true });
    error.name = 'ConnectionError';
    const revived = reviveThrown(serializeThrown(error, () => undefined)) as Error;
    expect(revived.name).toBe('ConnectionError');
    expect((revived as { retryable?: boolean }).retryable).toBe(true);
    expect((revived.cause as Error).message).toBe('root');
  });

  it('keeps thrown primitives as they were', () => {
    for (const value of ['text', 42, null, undefined, false]) {
      expect(reviveThrown(serializeThrown(value, () => undefined))).toBe(value);
    }
  });

  it('cuts cycles and nesting past the limit instead of looping', () => {
    const loop = new AggregateError([], 'loop');
    (loop.errors as unknown[]).push(loop);
    const tree = serializeThrown(loop, () => undefined);
    expect(JSON.stringify(tree)).toContain('Circular reference detected');

    let deep: unknown = new Error('leaf');
    for (let index = 0; index < 500; index++)
      deep = new AggregateError([deep], `level ${String(index)}`);
    expect(JSON.stringify(serializeThrown(deep, () => undefined))).toContain('Max nesting depth');
  });

  it('reads the line of the learner code from a stack', () => {
    const { firstLine } = buildWorkerSource('x');
    const stack = `Error: boom\n    at _invoke (blob:http://127.0.0.1/abc:${String(firstLine + 2)}:9)`;
    const tree = serializeThrown(Object.assign(new Error('boom'), { stack }), (text) => {
      const match = /blob:\S*?:(\d+):\d+/.exec(text);
      return match === null ? undefined : Number(match[1]) - firstLine + 1;
    });
    expect(tree).toMatchObject({ kind: 'error', line: 3 });
  });

  it('notes the line an error was thrown from in the event metadata', async () => {
    const event = eventOf('function _invoke() {\n  throw new Error("here");\n}');
    // The fake worker's stacks are Node's, which name no blob: the line comes from the tree.
    await event.invoke();
    expect(event.metadata[ERROR_LINE_KEY]).toBeUndefined();
  });

  it('turns anything malformed from the worker into a readable error, never a crash', () => {
    expect(reviveThrown('nonsense')).toBeInstanceOf(Error);
    expect(reviveThrown({ kind: 'error', name: 1, message: {} })).toBeInstanceOf(Error);
    expect(parseWorkerMessage({ type: 'hello' })).toEqual({
      invalid: 'a message of unknown type "hello"',
    });
    expect(parseWorkerMessage({ type: 'settled', phase: 'later' })).toHaveProperty('invalid');
    expect(parseWorkerMessage({ type: 'timer', id: 1, ms: -5 })).toEqual({
      invalid: 'a timer of number ms (0 to 2147483647 are waited)',
    });
    expect(parseWorkerMessage({ type: 'clear-timer', id: 'x' })).toHaveProperty('invalid');
  });
});
