import { useEffect, useState } from 'react';

/** Main-thread time one slice may take: well under the 50 ms that makes a task long. */
const SLICE_MS = 8;

/** Work that can be done a small step at a time. */
export interface SlicedJob<T> {
  /** Does one small step (a millisecond or less); `true` once everything is done. */
  step: () => boolean;
  result: () => T;
}

/**
 * Runs a job in slices of about 8 ms with a macrotask between them, so input and painting go
 * on while a 10 MB text is prepared. Returns the result once done (`undefined` until then) and
 * the number of slices so far (to re-render progressive views). A new `start` starts over;
 * unmounting stops the job.
 */
export function useSlicedWork<T>(start: () => SlicedJob<T>): {
  result: T | undefined;
  slices: number;
} {
  const [state, setState] = useState<{
    start: () => SlicedJob<T>;
    result: T | undefined;
    slices: number;
  }>(() => ({ start, result: undefined, slices: 0 }));
  useEffect(() => {
    const job = start();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let slices = 0;
    const runSlice = (): void => {
      const deadline = performance.now() + SLICE_MS;
      let done = false;
      while (!done && performance.now() < deadline) done = job.step();
      slices += 1;
      if (done) {
        setState({ start, result: job.result(), slices });
      } else {
        setState({ start, result: undefined, slices });
        timer = setTimeout(runSlice, 0);
      }
    };
    timer = setTimeout(runSlice, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [start]);
  // A state left from an earlier `start` says nothing about this one.
  return state.start === start ? state : { result: undefined, slices: 0 };
}
