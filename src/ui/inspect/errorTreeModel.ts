import type { ErrorDict } from '../../lib';

/**
 * One node of the error tree as the inspector draws it. Nodes are built lazily: a node knows
 * how many children it has, and `childrenOf` builds them only when they are drawn, so opening
 * an error group 150,000 wide builds the 200 nodes on screen, not 150,000.
 */
export interface ErrorTreeNode {
  /** Stable within one tree: the path of child indexes from the root, e.g. `root.0.2.cause`. */
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
  /** Errors inside (aggregates), drawn first. */
  insideCount: number;
  /** Children in all: the errors inside and then the cause, if there is one. */
  childCount: number;
  /** The serialized error this node shows; its children are built from it. */
  source: ErrorDict;
}

/**
 * The node of `error` (its children are built by `childrenOf`). Retryability follows the
 * core's rule on the serialized form: a node's own `retryable` is believed; an aggregate is
 * retryable only if every error inside is; anything else counts as retryable. Causes are
 * shown but, as in the core, do not change their error's verdict.
 */
export function buildErrorTree(
  error: ErrorDict,
  key = 'root',
  relation: ErrorTreeNode['relation'] = 'root',
): ErrorTreeNode {
  const notes: string[] = [];
  if (error.nested_count !== undefined) {
    notes.push(`${String(error.nested_count)} nested errors not shown (too deep)`);
  }
  if (error.omitted_count !== undefined) {
    notes.push(`${String(error.omitted_count)} errors left out to keep the log small`);
  }
  const insideCount = error.exceptions?.length ?? 0;
  return {
    key,
    relation,
    name: error.error,
    message: error.message,
    retryable: ruleRetryable(error),
    declared: typeof error.retryable === 'boolean',
    notes,
    insideCount,
    childCount: insideCount + (error.cause ? 1 : 0),
    source: error,
  };
}

/** The children built so far, per node: a node's children keep their identity across renders. */
const builtChildren = new WeakMap<ErrorTreeNode, ErrorTreeNode[]>();

/** The first `count` children of `node` (all by default), built on first use. */
export function childrenOf(node: ErrorTreeNode, count = node.childCount): readonly ErrorTreeNode[] {
  let built = builtChildren.get(node);
  if (built === undefined) {
    built = [];
    builtChildren.set(node, built);
  }
  const wanted = Math.min(count, node.childCount);
  for (let index = built.length; index < wanted; index++) {
    built.push(childAt(node.source, node.key, index));
  }
  return built.length === wanted ? built : built.slice(0, wanted);
}

/** Child `index` of the error `source` whose node has `key`: an error inside, or the cause. */
export function childAt(source: ErrorDict, key: string, index: number): ErrorTreeNode {
  const inside = source.exceptions?.[index];
  if (inside !== undefined) return buildErrorTree(inside, `${key}.${String(index)}`, 'inside');
  if (source.cause === undefined) throw new RangeError(`${key} has no child ${String(index)}`);
  return buildErrorTree(source.cause, `${key}.cause`, 'cause');
}

/** The rule's answer for aggregates already walked: errors are immutable once recorded. */
const groupVerdicts = new WeakMap<ErrorDict, boolean>();

/**
 * The core's retryability rule on a serialized error. Walks the errors inside without
 * recursion (a group thousands deep cannot overflow the stack) and remembers each group's
 * answer, so building the nodes of a wide group's children costs nothing more.
 */
export function ruleRetryable(error: ErrorDict): boolean {
  const direct = directVerdict(error);
  if (direct !== undefined) return direct;
  // Post-order: a group is decided once every group inside it is.
  const stack: { group: ErrorDict; opened: boolean }[] = [{ group: error, opened: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    const inside = top.group.exceptions ?? [];
    if (!top.opened) {
      top.opened = true;
      for (const child of inside) {
        if (directVerdict(child) === undefined) stack.push({ group: child, opened: false });
      }
      continue;
    }
    stack.pop();
    groupVerdicts.set(
      top.group,
      inside.every((child) => directVerdict(child) ?? groupVerdicts.get(child) ?? true),
    );
  }
  return groupVerdicts.get(error) ?? true;
}

/** The verdict of an error that needs no walk (its own flag, or no errors inside), if any. */
function directVerdict(error: ErrorDict): boolean | undefined {
  if (typeof error.retryable === 'boolean') return error.retryable;
  if (error.exceptions === undefined) return true;
  return groupVerdicts.get(error);
}

/** Children drawn under one node before "Show more". */
export const CHILDREN_PAGE = 200;

/** How many errors of one type a group holds. */
export interface TypeCount {
  name: string;
  count: number;
}

/**
 * How many of `errors` there are of each type, most frequent first (ties by name). Reads the
 * serialized errors directly: no node is built.
 */
export function countByType(errors: readonly ErrorDict[]): TypeCount[] {
  const counter = createTypeCounter(errors);
  while (!counter.step(Number.POSITIVE_INFINITY));
  return counter.result();
}

/**
 * `countByType` a bounded step at a time: the first count of a group 150,000 wide, in a page
 * whose code is still cold, took 30 ms.
 */
export function createTypeCounter(errors: readonly ErrorDict[]): {
  /** Counts at most `maxErrors` more; `true` once every error is counted. */
  step: (maxErrors: number) => boolean;
  result: () => TypeCount[];
} {
  const counts = new Map<string, number>();
  let next = 0;
  return {
    step: (maxErrors) => {
      const end = Math.min(errors.length, next + maxErrors);
      for (; next < end; next++) {
        const name = errors[next]?.error ?? '';
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      return next === errors.length;
    },
    result: () =>
      [...counts]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/**
 * The tree of a failure whose log recorded its retryability (lionherd-core writes it with
 * every failure): the root shows that verdict instead of the rule's, since Python decided it
 * by its own rule.
 */
export function withRecordedRetryable(root: ErrorTreeNode, retryable: boolean): ErrorTreeNode {
  return { ...root, retryable, declared: true, recorded: true, ruleRetryable: root.retryable };
}
