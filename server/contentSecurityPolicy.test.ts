import { describe, expect, it } from 'vitest';
import { HOST_HEADERS, headersFile, sendHeaders } from './contentSecurityPolicy.ts';

describe('the headers a host must send', () => {
  it('refuse framing by any other page', () => {
    expect(HOST_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(HOST_HEADERS['X-Frame-Options']).toBe('DENY');
  });

  it('are written as a _headers file that applies to every path', () => {
    expect(headersFile().split('\n')).toEqual([
      '/*',
      `  Content-Security-Policy: ${HOST_HEADERS['Content-Security-Policy'] ?? ''}`,
      '  X-Frame-Options: DENY',
      '',
    ]);
  });

  it('are set on a response by the middleware, which then passes the request on', () => {
    const sent: Record<string, string> = {};
    let passedOn = false;
    sendHeaders(HOST_HEADERS)(
      {},
      {
        setHeader: (name, value) => {
          sent[name] = value;
        },
      },
      () => {
        passedOn = true;
      },
    );
    expect(sent).toEqual(HOST_HEADERS);
    expect(passedOn).toBe(true);
  });
});
