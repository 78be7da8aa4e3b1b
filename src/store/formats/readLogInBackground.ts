import type { EventRecord } from '../eventRecord';
import { yieldToBrowser } from '../yieldToBrowser';
import type { LionherdReadOptions } from './lionherd';
import type { LogWorkerMessage, LogWorkerRequest } from './logWorkerProtocol';
import { readLogSteps, type ParsedLog } from './parseLog';
import { readSourceText } from './readSourceText';

/** Where an import is: reading the file, checking its records, copying them in, or listing them. */
export type ImportProgress =
  | { phase: 'reading' }
  | { phase: 'checking'; checked: number; total: number }
  | { phase: 'receiving'; received: number }
  /** The store listing the new records, a slice per task (after the reader is done). */
  | { phase: 'adding'; added: number; total: number }
  /** The history writing them to the browser's database. */
  | { phase: 'saving'; saved: number; total: number };

export interface ReadLogOptions extends LionherdReadOptions {
  /** Cancels the read: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Read on the page's thread, in slices, even where workers exist (tests). */
  inPage?: boolean;
}

/** How long one slice of reading on the page may run. */
const SLICE_MS = 12;

/**
 * Reads and checks a log without blocking the page: in a Web Worker, whose records come back
 * in batches of short tasks, or — where there are no workers, or the worker cannot start —
 * on the page in slices (the JSON parse itself is then one step). Rejects only when
 * `signal` aborts; everything else is a `ParsedLog`.
 */
export async function readLogInBackground(
  source: string | Blob,
  fileName: string | undefined,
  options: ReadLogOptions = {},
): Promise<ParsedLog> {
  const { signal, onProgress, inPage, ...readOptions } = options;
  signal?.throwIfAborted();
  onProgress?.({ phase: 'reading' });
  if (inPage !== true && typeof Worker !== 'undefined') {
    const inWorker = await readInWorker({ source, fileName, options: readOptions }, options);
    if (inWorker !== 'unavailable') return inWorker;
  }
  return readInPage(source, fileName, options);
}

function readInWorker(
  request: LogWorkerRequest,
  { signal, onProgress }: ReadLogOptions,
): Promise<ParsedLog | 'unavailable'> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./logWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve('unavailable');
      return;
    }
    const records: EventRecord[] = [];
    let answered = false;
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (message: MessageEvent<LogWorkerMessage>) => {
      answered = true;
      const answer = message.data;
      switch (answer.type) {
        case 'progress':
          onProgress?.({ phase: 'checking', checked: answer.checked, total: answer.total });
          return;
        case 'records':
          for (const record of answer.records) records.push(record);
          onProgress?.({ phase: 'receiving', received: records.length });
          return;
        case 'done':
          finish();
          resolve(answer.result.ok ? { ...answer.result, records } : answer.result);
      }
    };
    worker.onerror = (event) => {
      finish();
      // A worker that never answered could not start (a blocked script): read on the page.
      if (!answered) resolve('unavailable');
      else resolve({ ok: false, error: `The log reader stopped: ${event.message}` });
    };
    worker.postMessage(request);
  });
}

async function readInPage(
  source: string | Blob,
  fileName: string | undefined,
  { signal, onProgress, inPage: _inPage, ...readOptions }: ReadLogOptions,
): Promise<ParsedLog> {
  const sourceText = await readSourceText(source, fileName);
  if (!sourceText.ok) return sourceText;
  const lionherd = await import('./lionherd');
  const steps = readLogSteps(sourceText.text, lionherd, fileName, readOptions);
  let sliceStarted = performance.now();
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done === true) return step.value;
    onProgress?.({ phase: 'checking', ...step.value });
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await yieldToBrowser();
      sliceStarted = performance.now();
    }
  }
}
