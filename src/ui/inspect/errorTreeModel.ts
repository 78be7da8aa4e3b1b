import type { ErrorDict } from '../../lib';

/** One node of the error tree as the inspector draws it. */
export interface ErrorTreeNode {
  /** Stable within one tree: the path of child indexes from the root, e.g. `0.2.c`. */
  key: string;
  /** How the node hangs from its parent. */
  relation: 'root' | 'inside' | 'cause';
  name: string;
  message: string;
  /** The node's own flag, or the rule's answer for nodes that carry none. */
  retryable: boolean;
  /** `true` when the error said so itself (library errors), `false` when the rule decided. */
  declared: boolean;
  /** `true` on the root of an imported failure: the verdict its log recorded. */
  recorded?: boolean;
  /** On a `recorded` root: what this dashboard's rule says. */
  ruleRetryable?: boolean;
  /** Notes about what serialization cut away. */
  notes: string[];
  children: ErrorTreeNode[];
}

/**
 * Builds the tree from `execution.toDict().error`. Retryability follows the core's rule on the
 * serialized form: a node's own `retryable` is believed; an aggregate is retryable only if
 * every error inside is; anything else counts as retryable. Causes are shown but, as in the
 * core, do not change their error's verdict.
 */
export function buildErrorTree(
  error: ErrorDict,
  key = 'root',
  relation: ErrorTreeNode['relation'] = 'root',
): ErrorTreeNode {
  const inside = (error.exceptions ?? []).map((child, index) =>
    buildErrorTree(child, `${key}.${String(index)}`, 'inside'),
  );
  const cause = error.cause ? [buildErrorTree(error.cause, `${key}.cause`, 'cause')] : [];
  const declared = typeof error.retryable === 'boolean';
  const retryable =
    typeof error.retryable === 'boolean'
      ? error.retryable
      : error.exceptions
        ? inside.every((child) => child.retryable)
        : true;
  const notes: string[] = [];
  if (error.nested_count !== undefined) {
    notes.push(`${String(error.nested_count)} nested errors not shown (too deep)`);
  }
  if (error.omitted_count !== undefined) {
    notes.push(`${String(error.omitted_count)} errors left out to keep the log small`);
  }
  return {
    key,
    relation,
    name: error.error,
    message: error.message,
    retryable,
    declared,
    notes,
    children: [...inside, ...cause],
  };
}

/** Children drawn under one node before "Show more". */
export const CHILDREN_PAGE = 200;

/** How many errors of each type `nodes` holds, most frequent first (ties by name). */
export function countByType(nodes: readonly ErrorTreeNode[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.name, (counts.get(node.name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What a search of the tree found: the first `limit` matching nodes and how many match. */
export interface TreeSearch {
  matches: ErrorTreeNode[];
  total: number;
}

/**
 * Nodes whose name or message contains `query` (case-insensitive), in tree order. Walks the
 * tree without recursion, so a tree thousands deep cannot overflow the stack.
 */
export function searchTree(root: ErrorTreeNode, query: string, limit: number): TreeSearch {
  const needle = query.toLowerCase();
  const matches: ErrorTreeNode[] = [];
  let total = 0;
  const stack: ErrorTreeNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.name.toLowerCase().includes(needle) || node.message.toLowerCase().includes(needle)) {
      total += 1;
      if (matches.length < limit) matches.push(node);
    }
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  return { matches, total };
}

/**
 * The tree of a failure whose log recorded its retryability (lionherd-core writes it with
 * every failure): the root shows that verdict instead of the rule's, since Python decided it
 * by its own rule.
 */
export function withRecordedRetryable(root: ErrorTreeNode, retryable: boolean): ErrorTreeNode {
  return { ...root, retryable, declared: true, recorded: true, ruleRetryable: root.retryable };
}
