import { useCallback, useMemo } from 'react';
import { CLIP_AT } from './BoundedText.tsx';
import type { TextSource } from './chunkedText.ts';
import { prettyJsonPreview } from './prettyJson.ts';
import { prettyJsonJob } from './prettyJsonJob.ts';
import { useSlicedWork } from './useSlicedWork.ts';

/**
 * `JSON.stringify(value, null, 2)` for `BoundedText`, whatever the size of `value`: the start
 * at once, and the whole text written in slices of a few milliseconds (`complete` once it is).
 * A 10 MB response never holds the page while it is written.
 */
export function usePrettyJson(value: unknown): { text: TextSource; complete: boolean } {
  const preview = useMemo(() => prettyJsonPreview(value, CLIP_AT + 1), [value]);
  const startWriting = useCallback(
    () => prettyJsonJob(preview.complete ? undefined : value),
    [preview, value],
  );
  const { result: written } = useSlicedWork(startWriting);
  if (preview.complete) return preview;
  return written === undefined ? preview : { text: written, complete: true };
}
