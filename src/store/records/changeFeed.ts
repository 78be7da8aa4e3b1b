/**
 * Which ids each recent commit of the records touched (added, changed or removed), so a view
 * worked out at one version can catch up by what changed since instead of reading every
 * record again. It keeps a bounded past: asked about a version before a clear, or too far
 * back, it answers `undefined` and the reader works its view out again from scratch.
 */
export interface ChangeFeed {
  /** The commit that made `version` touched `ids` (`'all'`: every record, as a clear does). */
  note(version: number, ids: readonly string[] | 'all'): void;
  /** The ids touched after `version`, or `undefined` when that is no longer known. */
  since(version: number): ReadonlySet<string> | undefined;
}

/** Ids kept across the commits remembered: past this, the oldest commits are forgotten. */
const KEPT_IDS = 50_000;

export function createChangeFeed(keptIds = KEPT_IDS): ChangeFeed {
  let commits: { version: number; ids: readonly string[] }[] = [];
  let kept = 0;
  /** Every commit after this version is in `commits`. */
  let knownAfter = 0;
  let latest = 0;

  return {
    note(version, ids) {
      latest = version;
      if (ids === 'all') {
        commits = [];
        kept = 0;
        knownAfter = version;
        return;
      }
      commits.push({ version, ids });
      kept += ids.length;
      let drop = 0;
      while (kept > keptIds && drop < commits.length) {
        const oldest = commits[drop];
        if (oldest === undefined) break;
        kept -= oldest.ids.length;
        knownAfter = oldest.version;
        drop += 1;
      }
      if (drop > 0) commits = commits.slice(drop);
    },
    since(version) {
      if (version < knownAfter || version > latest) return undefined;
      const touched = new Set<string>();
      // The newest commits are at the end: walk back to the first one after `version`.
      for (let index = commits.length - 1; index >= 0; index -= 1) {
        const commit = commits[index];
        if (commit === undefined || commit.version <= version) break;
        for (const id of commit.ids) touched.add(id);
      }
      return touched;
    },
  };
}
