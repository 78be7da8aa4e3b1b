/**
 * Fault injection (`?crash=<view>[,<view>]`) is for development and tests only: it is on in
 * the dev server and in builds made with `VITE_FAULT_INJECTION=true` (the end-to-end suite
 * makes one). A production build ignores `?crash=`, and the probe is left out of its bundle.
 */
export const faultInjectionEnabled: boolean =
  import.meta.env.DEV || import.meta.env.VITE_FAULT_INJECTION === 'true';

/** Views asked to crash, read from `?crash=` at page load. */
const requested = new Set(faultInjectionEnabled ? crashedViewsOf(window.location.search) : []);

/** The view names in `?crash=a,b` of a query string, lower-cased. */
export function crashedViewsOf(search: string): string[] {
  return new URLSearchParams(search).get('crash')?.toLowerCase().split(',') ?? [];
}

/** `true` while the view named in `?crash=` has not been recovered with "Try again". */
export function isCrashRequested(view: string): boolean {
  return requested.has(view.toLowerCase());
}

/** Called by "Try again": the view renders normally from now on. */
export function clearCrashRequest(view: string): void {
  requested.delete(view.toLowerCase());
}
