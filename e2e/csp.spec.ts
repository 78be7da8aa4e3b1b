import { expect, test } from './support/fixtures';

test.describe('the Content-Security-Policy of the production build', () => {
  // The injected script below is refused, and Chromium reports the refusal as a console error.
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });

  test('the production build sends a policy that forbids inline and injected scripts', async ({
    page,
  }) => {
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).not.toContain('unsafe-inline');
    expect(header).not.toContain('unsafe-eval');
    await expect(page.getByRole('heading', { name: 'Lifecycle Lab', level: 1 })).toBeVisible();
  });

  test('the build refuses to be framed, and carries the headers that say so for its host', async ({
    page,
    request,
  }) => {
    const response = await page.goto('/');
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');

    const hostFile = await request.get('/_headers');
    expect(hostFile.ok()).toBe(true);
    const text = await hostFile.text();
    expect(text).toContain("frame-ancestors 'none'");
    expect(text).toContain('X-Frame-Options: DENY');
  });

  test('a script injected into the page is refused and never runs', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Lifecycle Lab', level: 1 })).toBeVisible();

    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener(
            'securitypolicyviolation',
            (event) => {
              resolve(event.effectiveDirective);
            },
            { once: true },
          );
          const script = document.createElement('script');
          script.textContent = 'window.injectedScriptRan = true;';
          document.body.append(script);
        }),
    );

    expect(violated).toBe('script-src-elem');
    expect(await page.evaluate(() => 'injectedScriptRan' in window)).toBe(false);
  });
});
