import type { CodeLanguage, CompileResult } from './compileCode';

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (result: CompileResult) => void>();

/**
 * Compiles the learner's code to plain JavaScript in the compile worker (started on first
 * use and kept): TypeScript is stripped of its types, and a syntax error in either language
 * comes back with its line.
 */
export function compileCode(code: string, language: CodeLanguage): Promise<CompileResult> {
  worker ??= startWorker();
  const id = ++nextId;
  const started = worker;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    started.postMessage({ id, code, language });
  });
}

function startWorker(): Worker {
  const started = new Worker(new URL('./compileWorker.ts', import.meta.url), {
    type: 'module',
    name: 'lifecycle-lab compiler',
  });
  started.addEventListener(
    'message',
    (event: MessageEvent<{ id: number; result: CompileResult }>) => {
      const resolve = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      resolve?.(event.data.result);
    },
  );
  started.addEventListener('error', (event) => {
    event.preventDefault();
    worker = undefined;
    for (const resolve of waiting.values()) {
      resolve({
        ok: false,
        message: `The compiler could not start (${event.message || 'unknown error'}).`,
        line: 1,
        column: 1,
        offset: 0,
      });
    }
    waiting.clear();
  });
  return started;
}
