import { describeValue } from '../serialize/describeValue.ts';
import type { BridgeSourceInfo } from './protocol.ts';

/** Where the bridge runs, as far as explaining a failed request goes. */
export interface RequestingPage {
  runtime: BridgeSourceInfo['runtime'];
  /** The page's origin in a browser (`location.origin`), when it has one. */
  origin: string | null;
}

/**
 * Why the receiver at `base` (its `…/api/bridge` address) cannot be reached, for `onError`.
 *
 * In a browser, a request the receiver refuses for the page's origin fails just like one to
 * a receiver that is down: `TypeError: Failed to fetch`, with the receiver's explanation in a
 * refused preflight the page may not read. So there the message also says how to let this
 * page in, unless the page is on the receiver's own origin.
 */
export function unreachableMessage(base: string, error: unknown, page: RequestingPage): string {
  const message = `the receiver at ${base} cannot be reached: ${messageOf(error)}`;
  if (page.runtime !== 'browser' || !(error instanceof TypeError)) return message;
  const receiverOrigin = new URL(base).origin;
  if (page.origin === receiverOrigin) return message;
  if (page.origin === null) {
    return `${message}. If this page is not on the dashboard's origin (${receiverOrigin}), the receiver must be started with --allow-origin <this page's origin>`;
  }
  return `${message}. This page (${page.origin}) is not on the dashboard's origin (${receiverOrigin}): the receiver must be started with --allow-origin ${page.origin}`;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return describeValue(error);
}
