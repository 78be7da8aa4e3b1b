import { prettyJsonPieces } from './prettyJson.ts';
import type { SlicedJob } from './useSlicedWork.ts';

/** Pieces joined per step: a fraction of a millisecond of work. */
const PIECES_PER_STEP = 500;

/** `JSON.stringify(value, null, 2)` as a job for `useSlicedWork`. */
export function prettyJsonJob(value: unknown): SlicedJob<string> {
  const pieces = prettyJsonPieces(value);
  // Each step's pieces are joined into one string, and the steps' strings appended: a `join`
  // of the whole 10 MB at the end would be one long task, and appending every small piece
  // would keep a million small strings alive for the garbage collector to copy around.
  let text = '';
  return {
    step: () => {
      const parts: string[] = [];
      let done = false;
      for (let count = 0; count < PIECES_PER_STEP && !done; count++) {
        const next = pieces.next();
        if (next.done === true) done = true;
        else parts.push(next.value);
      }
      text += parts.join('');
      return done;
    },
    result: () => text,
  };
}
