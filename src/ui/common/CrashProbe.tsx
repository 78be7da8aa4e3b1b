import { isCrashRequested } from './crashRequests.ts';

/**
 * Fault injection for the "a crashed view can be recovered" story: with `?crash=inspector`
 * the inspector throws until its error boundary's "Try again" is pressed, so the recovery
 * path can be seen and tested in the real build.
 */
export function CrashProbe({ view }: { view: string }) {
  if (isCrashRequested(view)) {
    throw new Error(`Crash requested for the ${view} view (?crash=${view})`);
  }
  return null;
}
