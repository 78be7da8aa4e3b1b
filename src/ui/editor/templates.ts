import type { CodeLanguage } from '../../store/sandbox/compileCode';

/** A starting point for the learner's event, with a suggested timeout. */
export interface Template {
  id: string;
  label: string;
  /** Seconds; `''` for none. */
  timeout: string;
  /** The code; `CTX` stands for the `ctx` parameter, typed in TypeScript. */
  body: string;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'ignores-signal',
    label: 'Ignores the signal',
    timeout: '1',
    body: `// Sleeps 3 s and never looks at ctx.signal. With a 1 s timeout the event still ends
// cancelled after 1 s: the page stops waiting, and the sandbox worker is terminated.
// ctx.sleep waits in the event's time, so under lesson time it pauses and steps too.
async function _invoke(CTX) {
  await ctx.sleep(3000);
  return 'finished anyway';
}
`,
  },
  {
    id: 'honours-signal',
    label: 'Honours the signal',
    timeout: '1',
    body: `// Sleeps 3 s, but stops as soon as ctx.signal is aborted (timeout or Stop).
// ctx.scheduler is setTimeout in the event's time (the lesson clock, under lesson time).
async function _invoke(CTX) {
  await new Promise((resolve, reject) => {
    const timer = ctx.scheduler.setTimeout(resolve, 3000);
    ctx.signal.addEventListener('abort', () => {
      ctx.scheduler.clearTimeout(timer);
      reject(ctx.signal.reason);
    });
  });
  return 'finished in time';
}
`,
  },
  {
    id: 'aggregate',
    label: 'Throws an AggregateError',
    timeout: '',
    body: `// Several errors at once. One says it is not retryable, so neither is the group.
function _invoke(CTX) {
  const invalid = new Error('validation error');
  invalid.name = 'ValueError';
  invalid.retryable = false;
  throw new AggregateError(
    [invalid, new TypeError('type error'), new RangeError('out of range')],
    'multiple errors',
  );
}
`,
  },
  {
    id: 'returns-undefined',
    label: 'Returns undefined',
    timeout: '',
    body: `// Completes without a value: the response is undefined, which serializes to null.
function _invoke(CTX) {
  console.log('attempt', ctx.attempt);
}
`,
  },
  {
    id: 'flaky',
    label: 'Flaky',
    timeout: '5',
    body: `// Fails about half the time with a retryable error; "Retry fresh" runs the same code again.
// The pre-check runs before _invoke: throwing there ends the event aborted.
function _precheck() {}

async function _invoke(CTX) {
  await ctx.sleep(200);
  if (Math.random() < 0.5) {
    const error = new Error('connection reset by peer');
    error.name = 'ConnectionError';
    error.retryable = true;
    throw error;
  }
  return { ok: true, attempt: ctx.attempt };
}
`,
  },
  {
    id: 'endless-loop',
    label: 'Never ends (endless loop)',
    timeout: '',
    body: `// Blocks its thread for good. It runs in a worker, so the dashboard stays responsive;
// press Stop to terminate the worker (the event ends cancelled).
function _invoke(CTX) {
  while (true) {}
}
`,
  },
];

const TS_CONTEXT = `interface Context {
  signal: AbortSignal;
  metadata: Record<string, unknown>;
  attempt: number;
  reportProgress(progress: number, message?: string): void;
  /** Waits in the event's time: the lesson clock under lesson time, else real time. */
  sleep(ms: number): Promise<void>;
  scheduler: {
    setTimeout(callback: () => void, ms: number): number;
    clearTimeout(handle: number): void;
  };
}

`;

/** The code of a template in a language. */
export function templateCode(template: Template, language: CodeLanguage): string {
  if (language === 'javascript') return template.body.replaceAll('CTX', 'ctx');
  return TS_CONTEXT + template.body.replaceAll('CTX', 'ctx: Context');
}
