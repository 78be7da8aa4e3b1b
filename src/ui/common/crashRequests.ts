/** Views asked to crash, read from `?crash=<view>[,<view>]` at page load. */
const requested = new Set(
  new URLSearchParams(window.location.search).get('crash')?.toLowerCase().split(',') ?? [],
);

/** `true` while the view named in `?crash=` has not been recovered with "Try again". */
export function isCrashRequested(view: string): boolean {
  return requested.has(view.toLowerCase());
}

/** Called by "Try again": the view renders normally from now on. */
export function clearCrashRequest(view: string): void {
  requested.delete(view.toLowerCase());
}
