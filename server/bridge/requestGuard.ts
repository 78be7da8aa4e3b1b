import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Names a browser may use for this machine; anything else could be DNS rebinding. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface GuardOptions {
  token: string;
  /** Origins of other pages allowed to send (a browser app using the bridge), e.g. `http://localhost:3000`. */
  allowedOrigins: readonly string[];
  /** Host names besides the loopback ones the receiver answers to. */
  allowedHosts: readonly string[];
}

export type GuardVerdict =
  { ok: true; origin: string | null } | { ok: false; status: number; error: string };

/**
 * Decides whether a request may reach the receiver:
 * - its `Host` is this machine (a page on another site that resolves its own name to
 *   127.0.0.1 is refused);
 * - a browser request comes from the dashboard's own origin or an allowed one: an `Origin`
 *   elsewhere, or `Sec-Fetch-Site: cross-site`/`same-site` without one, is refused;
 * - it carries the per-run token (`Authorization: Bearer …` or `?token=`), unless it is a
 *   CORS preflight, which browsers send without credentials.
 */
export function checkRequest(req: IncomingMessage, url: URL, options: GuardOptions): GuardVerdict {
  const host = req.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '');
  if (!LOOPBACK_HOSTS.has(hostname) && !options.allowedHosts.includes(hostname)) {
    return { ok: false, status: 403, error: `host '${host}' is not allowed: use 127.0.0.1` };
  }
  const origin = req.headers.origin;
  const ownOrigin = `http://${host}`;
  const originAllowed =
    origin !== undefined && (origin === ownOrigin || options.allowedOrigins.includes(origin));
  if (origin !== undefined && !originAllowed) {
    return {
      ok: false,
      status: 403,
      error: `cross-site request refused: origin '${origin}' is not allowed (start the receiver with --allow-origin ${origin} to allow it)`,
    };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (!originAllowed && (fetchSite === 'cross-site' || fetchSite === 'same-site')) {
    return { ok: false, status: 403, error: 'cross-site request refused' };
  }
  const allowedOrigin = originAllowed && origin !== ownOrigin ? origin : null;
  if (req.method === 'OPTIONS') return { ok: true, origin: allowedOrigin };
  const given = tokenOf(req, url);
  if (given === null) {
    return {
      ok: false,
      status: 401,
      error:
        'missing token: send Authorization: Bearer <token> (the token is in the URL the receiver printed)',
    };
  }
  if (!sameSecret(given, options.token)) {
    return {
      ok: false,
      status: 401,
      error: 'wrong token: use the one the receiver printed for this run',
    };
  }
  return { ok: true, origin: allowedOrigin };
}

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') === true) return header.slice('Bearer '.length).trim();
  return url.searchParams.get('token');
}

/** Compares in constant time, so the token cannot be guessed one character at a time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
