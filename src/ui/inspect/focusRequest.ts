/**
 * The event whose details take focus when they are next drawn: a fresh attempt made from the
 * inspector, whose Retry fresh button went away with the details of the attempt it was on.
 */
let wanted: string | null = null;

/** Asks the details of event `id` to take focus once they are drawn. */
export function focusWhenShown(id: string): void {
  wanted = id;
}

/** `true` once, when the details of event `id` were asked to take focus. */
export function takeFocusRequest(id: string): boolean {
  if (wanted !== id) return false;
  wanted = null;
  return true;
}
