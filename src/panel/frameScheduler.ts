/** Runs `callback` once, later; returns the function that stops it if it has not run. */
export type ScheduleFrame = (callback: () => void) => () => void;

/**
 * The next animation frame, so a burst of transitions renders once per frame. Where there are
 * no frames (a worker, a test under Node) a 16 ms timer stands in.
 */
export const nextAnimationFrame: ScheduleFrame = (callback) => {
  if (typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(callback);
    return () => {
      cancelAnimationFrame(handle);
    };
  }
  const handle = setTimeout(callback, 16);
  return () => {
    clearTimeout(handle);
  };
};
