import type { Plugin } from 'vite';

/**
 * The production build's Content-Security-Policy: scripts, styles and requests from the app's
 * own origin only. No inline or injected script runs, so text from an error message or an
 * imported log that slipped into markup could still never execute.
 *
 * React writes `style` props through the CSSOM, which a policy does not restrict, so
 * `style-src 'self'` holds without `'unsafe-inline'`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Directives that only a header can carry (a `<meta>` policy ignores them, with a warning). */
const HEADER_ONLY_DIRECTIVES = "frame-ancestors 'none'";

/**
 * Puts the policy into the built `index.html` as a `<meta>` tag, so it travels with the build
 * to any host, and sends it as a header from `vite preview`. The dev server is left alone:
 * its hot reload needs inline scripts.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'lifecycle-lab:content-security-policy',
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
      server.middlewares.use((_request, response, next) => {
        response.setHeader(
          'Content-Security-Policy',
          `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_DIRECTIVES}`,
        );
        next();
      });
    },
  };
}
