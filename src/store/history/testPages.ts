import 'fake-indexeddb/auto';
import type { EventRecord } from '../eventRecord';
import { createHydratedTestStore, MemoryStorage, type TestStore } from '../testHelpers';
import type { EventStoreOptions } from '../types';
import type { HistoryChannel, HistoryMessage } from './historyChannel';
import { openHistoryDatabase, type HistoryDatabase, type StoredRow } from './historyDatabase';
import type { TabPresence } from './tabPresence';

/**
 * Test support: one browser profile with an IndexedDB of its own (fake-indexeddb), a
 * `localStorage`, a channel between its pages and a record of which pages are open. Each
 * `openPage` is a dashboard tab; `closePage` makes it go away as a crash would.
 */
export class FakeBrowser {
  readonly indexedDB = new IDBFactory();
  readonly localStorage = new MemoryStorage();
  readonly name = 'test-history';
  readonly #listeners = new Map<string, (message: HistoryMessage) => void>();
  readonly #open = new Set<string>();
  readonly #whenGone = new Map<string, (() => void)[]>();
  #pages = 0;

  /** A new page, once it read the saved history in. */
  async openPage(options: EventStoreOptions = {}): Promise<TestStore & { tab: string }> {
    this.#pages += 1;
    const tab = `page-${this.#pages}`;
    this.#open.add(tab);
    const harness = await createHydratedTestStore({
      storage: this.localStorage,
      indexedDB: this.indexedDB,
      historyName: this.name,
      ...options,
      historyHooks: {
        tab,
        presence: this.#presence(),
        channel: this.#channel(tab),
        pruneDelay: 0,
        retryDelay: 20,
        ...options.historyHooks,
      },
    });
    return Object.assign(harness, { tab });
  }

  /** The page goes away without a word: its channel is silent, its running events orphaned. */
  closePage(tab: string): void {
    this.#open.delete(tab);
    this.#listeners.delete(tab);
    for (const gone of this.#whenGone.get(tab) ?? []) gone();
    this.#whenGone.delete(tab);
  }

  /** The database as a page would open it. */
  database(): Promise<HistoryDatabase> {
    return openHistoryDatabase(this.indexedDB, this.name);
  }

  /** Every saved row, by id. */
  async rows(): Promise<Map<string, StoredRow>> {
    const db = await this.database();
    try {
      const rows = await db.getAll('records');
      return new Map(rows.map((row) => [row.id, row]));
    } finally {
      db.close();
    }
  }

  /** Every saved record, by id. */
  async saved(): Promise<Map<string, EventRecord>> {
    const rows = await this.rows();
    return new Map([...rows].map(([id, row]) => [id, row.record]));
  }

  #presence(): TabPresence {
    return {
      hold: (tab) => {
        this.#open.add(tab);
      },
      openTabs: () => Promise.resolve(new Set(this.#open)),
      whenGone: (tab, gone) => {
        if (!this.#open.has(tab)) {
          gone();
          return;
        }
        this.#whenGone.set(tab, [...(this.#whenGone.get(tab) ?? []), gone]);
      },
    };
  }

  #channel(tab: string): HistoryChannel {
    return {
      post: (message) => {
        const copy = structuredClone(message);
        for (const [other, listener] of this.#listeners) {
          if (other !== tab) setTimeout(() => listener(copy), 0);
        }
      },
      listen: (listener) => {
        this.#listeners.set(tab, listener);
      },
      close: () => {
        this.#listeners.delete(tab);
      },
    };
  }
}
