import type { IncomingMessage } from 'node:http';

/**
 * Why a request to the demo endpoint does not come from the dashboard's own origin, or
 * `undefined` when it does (or when it comes from no page at all, like `curl` or a test's
 * `fetch`, which no other site can make on a person's behalf).
 *
 * Browsers say where a request comes from in `Sec-Fetch-Site` (`same-origin` for the
 * dashboard itself, `none` for an address typed by the person) and in `Origin`, which every
 * POST and every cross-origin request carries. `same-site` is refused too: another port of
 * `localhost` is the same site, and exactly the neighbour to keep out.
 */
export function crossOriginReason(req: IncomingMessage): string | undefined {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `the endpoint answers the dashboard's own pages only (Sec-Fetch-Site: ${fetchSite})`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, req.headers.host)) {
    return `the endpoint answers the dashboard's own pages only (Origin: ${origin})`;
  }
  return undefined;
}

/**
 * Why a state-changing request (a POST) is refused, or `undefined`: besides coming from the
 * dashboard's origin it must be a non-simple request, a JSON body, which a browser sends to
 * another origin only after a preflight this endpoint never grants.
 */
export function unsafePostReason(req: IncomingMessage): string | undefined {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return `a POST must send a JSON body (Content-Type: application/json), got ${type === '' ? 'none' : `'${type}'`}`;
  }
  return crossOriginReason(req);
}

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
  } catch {
    return false; // `null` (sandboxed frames, files) or garbage
  }
}
