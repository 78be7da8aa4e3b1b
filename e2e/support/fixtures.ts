import { test as base, expect } from '@playwright/test';

/**
 * The project's `test`: a page that reports a console error or an uncaught exception fails the
 * test, so a broken render cannot pass unnoticed behind an assertion that still holds.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const { url, lineNumber } = message.location();
        problems.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught ${error.name}: ${error.message}`);
    });

    await use(page);

    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };
