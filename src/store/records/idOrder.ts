/**
 * Record ids, newest first, kept as two append-only logs so adding ids never copies the list:
 * `newer` grows at the top of the list (launches, imports, remote records), `older` at its
 * bottom (saved history read in after the page started). Position `i` of the newest-first
 * list is read through an index; `version` changes whenever the list does.
 */
export interface IdOrder {
  /** Ids listed. */
  readonly length: number;
  /** Bumped on every change of the list. */
  readonly version: number;
  /** The id at `index` of the newest-first list, or `undefined` outside it. */
  at(index: number): string | undefined;
  /** Lists `ids` above every id listed now; the last of `ids` ends up first. */
  addNewer(ids: readonly string[]): void;
  /** Lists `ids` below every id listed now, in that order. */
  addOlder(ids: readonly string[]): void;
  /** Takes `ids` out of the list (O(listed ids): removals are rare). */
  remove(ids: ReadonlySet<string>): void;
  clear(): void;
  /** The newest-first list as an array; the same array until the list changes. */
  toArray(): readonly string[];
}

export function createIdOrder(): IdOrder {
  let newer: string[] = [];
  let older: string[] = [];
  let version = 0;
  let snapshot: { version: number; ids: readonly string[] } | undefined;

  return {
    get length() {
      return newer.length + older.length;
    },
    get version() {
      return version;
    },
    at(index) {
      if (!Number.isInteger(index) || index < 0) return undefined;
      return index < newer.length ? newer[newer.length - 1 - index] : older[index - newer.length];
    },
    addNewer(ids) {
      if (ids.length === 0) return;
      for (const id of ids) newer.push(id);
      version += 1;
    },
    addOlder(ids) {
      if (ids.length === 0) return;
      for (const id of ids) older.push(id);
      version += 1;
    },
    remove(ids) {
      if (ids.size === 0) return;
      newer = newer.filter((id) => !ids.has(id));
      older = older.filter((id) => !ids.has(id));
      version += 1;
    },
    clear() {
      newer = [];
      older = [];
      version += 1;
    },
    toArray() {
      if (snapshot?.version !== version) {
        const ids = newer.slice().reverse().concat(older);
        snapshot = { version, ids };
      }
      return snapshot.ids;
    },
  };
}
