/** What grouping needs to know of one record: its chain and its place in it. */
export interface ChainFacts {
  chainId: string;
  /** 1-based attempt number within the chain. */
  attempt: number;
}

/** One row of the grouped list. */
export interface ListEntry {
  id: string;
  chainId: string;
  /** 0 for a chain's newest shown attempt (the group's head), 1 for an earlier one under it. */
  depth: 0 | 1;
  /** On a head: how many earlier attempts of its chain are shown under it (0 for none). */
  earlier: number;
  /** On a head with earlier attempts: whether they are listed under it. */
  expanded: boolean;
}

/**
 * The list's rows with each retry chain grouped under its newest shown attempt: the group
 * sits where that attempt sits in `ids` (newest first), and its earlier attempts follow it,
 * newest first, when the chain is expanded. Only ids in `ids` appear, so a filter that keeps
 * two attempts of a chain keeps them together. Ids without facts stand alone.
 *
 * ```ts
 * groupChains(['c', 'b', 'a'], factsOf, (chainId) => chainId === 'a');
 * // [{ id: 'c', depth: 0, earlier: 2, expanded: true }, { id: 'b', depth: 1 }, { id: 'a', depth: 1 }]
 * ```
 */
export function groupChains(
  ids: readonly string[],
  factsOf: (id: string) => ChainFacts | undefined,
  isExpanded: (chainId: string) => boolean,
): ListEntry[] {
  const members = new Map<string, string[]>();
  const attemptOf = new Map<string, number>();
  for (const id of ids) {
    const facts = factsOf(id);
    if (facts === undefined) continue;
    attemptOf.set(id, facts.attempt);
    const list = members.get(facts.chainId);
    if (list === undefined) members.set(facts.chainId, [id]);
    else list.push(id);
  }
  const entries: ListEntry[] = [];
  const placed = new Set<string>();
  const sortedChains = new Map<string, readonly string[]>();
  for (const id of ids) {
    if (placed.has(id)) continue;
    const facts = factsOf(id);
    const chain = facts === undefined ? undefined : members.get(facts.chainId);
    if (facts === undefined || chain === undefined || chain.length === 1) {
      placed.add(id);
      entries.push({ id, chainId: facts?.chainId ?? id, depth: 0, earlier: 0, expanded: false });
      continue;
    }
    // Newest attempt first; equal numbers keep the list's order (newer first). Sorted once
    // per chain, however many of its attempts are listed.
    let sorted = sortedChains.get(facts.chainId);
    if (sorted === undefined) {
      sorted = newestAttemptFirst(chain, attemptOf);
      sortedChains.set(facts.chainId, sorted);
    }
    if (sorted[0] !== id) continue;
    const expanded = isExpanded(facts.chainId);
    for (const member of sorted) placed.add(member);
    entries.push({ id, chainId: facts.chainId, depth: 0, earlier: sorted.length - 1, expanded });
    if (!expanded) continue;
    for (const member of sorted.slice(1)) {
      entries.push({ id: member, chainId: facts.chainId, depth: 1, earlier: 0, expanded: false });
    }
  }
  return entries;
}

/**
 * A chain's listed members, newest attempt first; equal numbers keep the list's order. The list
 * is newest first and later attempts are made later, so the members almost always come in this
 * order already: checked in one pass, the sort (of a chain that may hold thousands) is skipped.
 */
function newestAttemptFirst(
  chain: readonly string[],
  attemptOf: ReadonlyMap<string, number>,
): readonly string[] {
  let previous = Infinity;
  let ordered = true;
  for (const member of chain) {
    const attempt = attemptOf.get(member) ?? 0;
    if (attempt > previous) {
      ordered = false;
      break;
    }
    previous = attempt;
  }
  if (ordered) return chain;
  return chain
    .map((member, index) => ({ member, index, attempt: attemptOf.get(member) ?? 0 }))
    .sort((a, b) => b.attempt - a.attempt || a.index - b.index)
    .map(({ member }) => member);
}
