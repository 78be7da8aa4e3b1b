import type { Locator, Page } from '@playwright/test';
import { test as base } from './fixtures.ts';

/** Parameter values by the input's label, e.g. `{ 'Delay (s)': '0.2' }`. */
export type LaunchParams = Record<string, string | boolean>;

/**
 * The dashboard as a person sees it: named regions and the controls in them, found by role
 * and accessible name only.
 */
export class Dashboard {
  readonly page: Page;
  readonly launchPanel: Locator;
  readonly eventsPanel: Locator;
  readonly inspector: Locator;
  readonly keepPanel: Locator;
  readonly eventList: Locator;
  readonly eventStatus: Locator;
  readonly errorTree: Locator;
  readonly attemptChain: Locator;

  constructor(page: Page) {
    this.page = page;
    this.launchPanel = page.getByRole('region', { name: 'Launch' });
    this.eventsPanel = page.getByRole('region', { name: 'Events' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
    this.keepPanel = page.getByRole('region', { name: 'Keep' });
    this.eventList = this.eventsPanel.getByRole('list', { name: 'Events' });
    this.eventStatus = this.inspector.getByRole('status', { name: 'Event status' });
    this.errorTree = this.inspector.getByRole('tree', { name: 'Error tree' });
    this.attemptChain = this.inspector.getByRole('navigation', { name: 'Attempt chain' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /** Chooses a demo kind by its label and fills its form. */
  async fill(kindLabel: string, params: LaunchParams = {}): Promise<void> {
    await this.launchPanel.getByRole('radio', { name: kindLabel, exact: true }).check();
    for (const [label, value] of Object.entries(params)) {
      if (typeof value === 'boolean') {
        await this.launchPanel.getByRole('checkbox', { name: label }).setChecked(value);
      } else {
        await this.launchPanel.getByRole('textbox', { name: label, exact: true }).fill(value);
      }
    }
  }

  /** Launches one event of a kind; the inspector then shows it. */
  async launch(kindLabel: string, params: LaunchParams = {}): Promise<void> {
    await this.fill(kindLabel, params);
    await this.launchPanel.getByRole('button', { name: 'Launch', exact: true }).click();
  }

  /** Retries the event the inspector shows as a fresh attempt (its "Retry fresh" button). */
  async retryFresh(): Promise<void> {
    await this.inspector.getByRole('button', { name: 'Retry fresh' }).click();
  }

  /** A status counter, whose accessible name is `<status>: <count>`. */
  counter(status: string, count: number): Locator {
    return this.eventsPanel
      .getByRole('list', { name: 'Status counters' })
      .getByRole('listitem', { name: `${status}: ${String(count)}`, exact: true });
  }

  /** Rows of the event list (not the buttons that open and close a retry chain's group). */
  rows(): Locator {
    return this.eventList.getByRole('button', { name: /^(?!(Show|Hide) \d+ earlier attempts?$)/ });
  }

  /** The bulk actions above the list. */
  get bulkActions(): Locator {
    return this.eventsPanel.getByRole('region', { name: 'Bulk actions' });
  }
}

/** The project's `test` with a `dashboard` page object, opened on the app. */
export const test = base.extend<{ dashboard: Dashboard }>({
  dashboard: async ({ page }, use) => {
    const dashboard = new Dashboard(page);
    await dashboard.open();
    await use(dashboard);
  },
});

export { expect } from './fixtures.ts';
