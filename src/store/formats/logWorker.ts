import * as lionherd from './lionherd';
import {
  RECORDS_PER_MESSAGE,
  type LogWorkerMessage,
  type LogWorkerRequest,
} from './logWorkerProtocol';
import { readLogSteps } from './parseLog';
import { readSourceText } from './readSourceText';

/**
 * Reads and checks an imported log off the page's thread (see ./readLogInBackground): a
 * 100 MB file parses and validates here while the page keeps drawing. One request per
 * worker; the page terminates it to cancel.
 */

/** The worker's global scope, as far as it is used (the DOM types describe a page). */
const scope = globalThis as unknown as {
  onmessage: ((message: MessageEvent<LogWorkerRequest>) => void) | null;
  postMessage: (message: LogWorkerMessage) => void;
};

/** Progress is posted at most this often. */
const PROGRESS_EVERY_MS = 50;

scope.onmessage = (message: MessageEvent<LogWorkerRequest>) => {
  void read(message.data);
};

async function read({ source, fileName, options }: LogWorkerRequest): Promise<void> {
  const post = (answer: LogWorkerMessage): void => {
    scope.postMessage(answer);
  };
  const sourceText = await readSourceText(source, fileName);
  if (!sourceText.ok) {
    post({ type: 'done', result: sourceText });
    return;
  }
  const steps = readLogSteps(sourceText.text, lionherd, fileName, options);
  let lastPosted = 0;
  for (;;) {
    const step = steps.next();
    if (step.done === true) {
      const result = step.value;
      if (!result.ok) {
        post({ type: 'done', result });
        return;
      }
      for (let start = 0; start < result.records.length; start += RECORDS_PER_MESSAGE) {
        post({
          type: 'records',
          records: result.records.slice(start, start + RECORDS_PER_MESSAGE),
        });
      }
      post({ type: 'done', result: { ...result, records: [] } });
      return;
    }
    const now = performance.now();
    if (now - lastPosted >= PROGRESS_EVERY_MS || step.value.checked === step.value.total) {
      lastPosted = now;
      post({ type: 'progress', ...step.value });
    }
  }
}
