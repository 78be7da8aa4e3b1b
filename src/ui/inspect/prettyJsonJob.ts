import { prettyJsonPieces } from './prettyJson.ts';
import type { SlicedJob } from './useSlicedWork.ts';

/** Pieces joined per step: a fraction of a millisecond of work. */
const PIECES_PER_STEP = 500;

/** `JSON.stringify(value, null, 2)` as a job for `useSlicedWork`. */
export function prettyJsonJob(value: unknown): SlicedJob<string> {
  const pieces = prettyJsonPieces(value);
  const chunks: string[] = [];
  return {
    step: () => {
      let chunk = '';
      for (let count = 0; count < PIECES_PER_STEP; count++) {
        const next = pieces.next();
        if (next.done === true) {
          chunks.push(chunk);
          return true;
        }
        chunk += next.value;
      }
      chunks.push(chunk);
      return false;
    },
    result: () => chunks.join(''),
  };
}
