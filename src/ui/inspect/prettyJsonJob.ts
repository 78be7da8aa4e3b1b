import { prettyJsonPieces } from './prettyJson.ts';
import type { SlicedJob } from './useSlicedWork.ts';

/** Pieces joined per step: a fraction of a millisecond of work. */
const PIECES_PER_STEP = 500;

/** `JSON.stringify(value, null, 2)` as a job for `useSlicedWork`. */
export function prettyJsonJob(value: unknown): SlicedJob<string> {
  const pieces = prettyJsonPieces(value);
  // Appended step by step rather than joined at the end: one `join` of 10 MB is a long task,
  // appending is cheap (the engine links the parts and copies them once, when first read).
  let text = '';
  return {
    step: () => {
      for (let count = 0; count < PIECES_PER_STEP; count++) {
        const next = pieces.next();
        if (next.done === true) return true;
        text += next.value;
      }
      return false;
    },
    result: () => text,
  };
}
