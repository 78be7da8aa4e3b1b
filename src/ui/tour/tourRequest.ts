/**
 * Which tour step a lesson link asked for, and which one is open: shared by the app (which
 * opens the tour), the tour (which starts there) and "Copy link" (which writes it down).
 */
let requested: number | null = null;
let open: number | null = null;
const listeners = new Set<() => void>();

/** Asks for the tour to open at a 0-based step. */
export function requestTourStep(step: number): void {
  requested = step;
  for (const listener of [...listeners]) listener();
}

/** The step asked for and not yet shown; reading it takes it. */
export function takeRequestedTourStep(): number | null {
  const step = requested;
  requested = null;
  return step;
}

export function subscribeTourRequests(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The step the open tour shows, or `null` when it is closed. */
export function openTourStep(): number | null {
  return open;
}

export function setOpenTourStep(step: number | null): void {
  open = step;
}
