import { lazyModule } from './lazyModule';

/*
 * The schemas that check launches, retry policies and stored history are fetched when first
 * needed, not with the page: most of a first visit never needs them before it is interactive.
 */

/** Launch params and counts, and each kind's constructor (`./launchChecks`). */
export const launchChecks = lazyModule(() => import('./launchChecks'));
/** Retry policies (`./retryPolicySchema`). */
export const retryPolicyChecks = lazyModule(() => import('./retryPolicySchema'));
/** Stored history, its migrations and record schema (`./persistence`). */
export const historyReader = lazyModule(() => import('./persistence'));
