import { ChunkedText } from './chunkedText.ts';
import { prettyJsonPieces } from './prettyJson.ts';
import type { SlicedJob } from './useSlicedWork.ts';

/** Pieces joined per step: a fraction of a millisecond of work. */
const PIECES_PER_STEP = 500;

/** `JSON.stringify(value, null, 2)` as a job for `useSlicedWork`. */
export function prettyJsonJob(value: unknown): SlicedJob<ChunkedText> {
  const pieces = prettyJsonPieces(value);
  // Each step's pieces are joined into one chunk of a few kilobytes: a million small pieces
  // would keep the garbage collector busy, and one string of the whole 10 MB would be copied
  // in one long task the first time it is read (see `ChunkedText`).
  const chunks: string[] = [];
  return {
    step: () => {
      const parts: string[] = [];
      let done = false;
      for (let count = 0; count < PIECES_PER_STEP && !done; count++) {
        const next = pieces.next();
        if (next.done === true) done = true;
        else parts.push(next.value);
      }
      chunks.push(parts.join(''));
      return done;
    },
    result: () => new ChunkedText(chunks),
  };
}
