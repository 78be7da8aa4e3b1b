import type { Plugin } from 'vite';

/**
 * The production build's Content-Security-Policy: scripts, styles and requests from the app's
 * own origin only. No inline or injected script runs, so text from an error message or an
 * imported log that slipped into markup could still never execute.
 *
 * React writes `style` props through the CSSOM, which a policy does not restrict, so
 * `style-src 'self'` holds without `'unsafe-inline'`.
 *
 * `worker-src 'self' blob:`: the code a learner writes runs in a dedicated worker made from a
 * blob of its script (the sandbox), and TypeScript is compiled in a worker of the app's own.
 * A blob worker inherits this policy, so it cannot `eval` either, and it can only come from
 * script already running in the page: allowing it opens nothing to injected markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Directives that only a header can carry (a `<meta>` policy ignores them, with a warning). */
const HEADER_ONLY_DIRECTIVES = "frame-ancestors 'none'";

/**
 * The headers a host must send with every response of the build: the whole policy, framing
 * included (no other page may put the dashboard in a frame and trick clicks out of it), and
 * `X-Frame-Options` for browsers that predate `frame-ancestors`.
 */
export const HOST_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_DIRECTIVES}`,
  'X-Frame-Options': 'DENY',
};

/** The dev server's: no script policy (hot reload needs inline scripts), framing refused. */
const DEV_SERVER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_ONLY_DIRECTIVES,
  'X-Frame-Options': 'DENY',
};

/**
 * {@link HOST_HEADERS} as a `_headers` file, which Netlify and Cloudflare Pages read from the
 * root of the site; other hosts are configured by hand (see the README).
 */
export function headersFile(): string {
  const lines = Object.entries(HOST_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}

type HeaderMiddleware = (
  request: unknown,
  response: { setHeader(name: string, value: string): unknown },
  next: () => void,
) => void;

/** A middleware that adds `headers` to every response. */
export function sendHeaders(headers: Readonly<Record<string, string>>): HeaderMiddleware {
  return (_request, response, next) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    next();
  };
}

/**
 * Puts the policy into the built `index.html` as a `<meta>` tag, so it travels with the build
 * to any host; writes the headers only a header can carry into `dist/_headers`; and sends
 * them from `vite preview` and (framing only) from the dev server.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'lifecycle-lab:content-security-policy',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
    configureServer(server) {
      server.middlewares.use(sendHeaders(DEV_SERVER_HEADERS));
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) =>
        context.server === undefined
          ? [
              {
                tag: 'meta',
                attrs: {
                  'http-equiv': 'Content-Security-Policy',
                  content: CONTENT_SECURITY_POLICY,
                },
                injectTo: 'head-prepend',
              },
            ]
          : html,
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendHeaders(HOST_HEADERS));
    },
  };
}
