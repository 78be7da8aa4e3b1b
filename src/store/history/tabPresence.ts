/**
 * Which pages of the dashboard are still open, so that the events a closed (or crashed) page
 * was running can be marked interrupted while those of an open page are left running. Each
 * page holds a Web Lock named after it for its lifetime; the browser releases it when the page
 * goes away, however it goes.
 */
export interface TabPresence {
  /** Marks this page as open for as long as it lives. */
  hold(tab: string): void;
  /** The pages open now. */
  openTabs(): Promise<ReadonlySet<string>>;
  /** Calls `gone` once the page `tab` has gone away (at once if it already has). */
  whenGone(tab: string, gone: () => void): void;
}

const LOCK_PREFIX = 'lifecycle-lab-tab:';

/** Presence through `navigator.locks`; without it, every other page counts as gone. */
export function browserTabPresence(): TabPresence {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks === undefined) return lonePresence();
  return {
    hold(tab) {
      // The promise settles only when the page goes away.
      void locks.request(`${LOCK_PREFIX}${tab}`, () => new Promise<void>(() => undefined));
    },
    async openTabs() {
      const { held = [] } = await locks.query();
      const open = new Set<string>();
      for (const lock of held) {
        if (lock.name?.startsWith(LOCK_PREFIX) === true)
          open.add(lock.name.slice(LOCK_PREFIX.length));
      }
      return open;
    },
    whenGone(tab, gone) {
      // Granted only once the page holding it released it, that is, went away.
      void locks.request(`${LOCK_PREFIX}${tab}`, () => {
        gone();
      });
    },
  };
}

/** Presence where no page can see another: only this one is open. */
export function lonePresence(): TabPresence {
  let own: string | null = null;
  return {
    hold(tab) {
      own = tab;
    },
    openTabs() {
      return Promise.resolve(new Set(own === null ? [] : [own]));
    },
    whenGone(tab, gone) {
      if (tab !== own) gone();
    },
  };
}
