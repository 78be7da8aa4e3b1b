import { test as base, expect } from '@playwright/test';

interface ConsoleOptions {
  /**
   * Console errors a test expects and does not fail on, matched against the message text.
   * Empty by default: a test that provokes an error on purpose says which one.
   */
  expectedConsoleErrors: RegExp[];
}

/**
 * The project's `test`: a page that reports a console error or an uncaught exception fails the
 * test, so a broken render cannot pass unnoticed behind an assertion that still holds.
 */
export const test = base.extend<ConsoleOptions>({
  expectedConsoleErrors: [[], { option: true }],
  page: async ({ page, expectedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (expectedConsoleErrors.some((pattern) => pattern.test(message.text()))) return;
      const { url, lineNumber } = message.location();
      problems.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught ${error.name}: ${error.message}`);
    });

    await use(page);

    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };
