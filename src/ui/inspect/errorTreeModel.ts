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

/**
 * The tree of a failure whose log recorded its retryability (lionherd-core writes it with
 * every failure): the root shows that verdict instead of the rule's, since Python decided it
 * by its own rule.
 */
export function withRecordedRetryable(root: ErrorTreeNode, retryable: boolean): ErrorTreeNode {
  return { ...root, retryable, declared: true, recorded: true, ruleRetryable: root.retryable };
}
