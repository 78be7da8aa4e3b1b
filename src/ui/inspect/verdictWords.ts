import type { ErrorTreeNode } from './errorTreeModel.ts';

/** The three parts of lionherd's retryability rule, named the way the inspector cites them. */
export const RULES = {
  declared: "an error's own retryable flag is believed",
  group: 'a group of errors is retryable only when every error in it is',
  silent: "an error that says nothing about retrying counts as retryable (lionherd's rule)",
} as const;

/**
 * The rolled-up verdict, stated positively and naming the rule that decided it:
 * `retryable — ConnectionError 'refused' says it is retryable (an error's own retryable flag
 * is believed)`.
 */
export function verdictInWords(root: ErrorTreeNode): string {
  if (root.recorded === true) return recordedInWords(root);
  const culprit = findNotRetryable(root);
  if (culprit === root) {
    return `not retryable — ${label(root)} says it is not retryable (${RULES.declared})`;
  }
  if (culprit) {
    return `not retryable — ${label(culprit)} inside ${label(root)} is not retryable (${RULES.group})`;
  }
  const inside = root.children.filter((child) => child.relation === 'inside');
  if (!root.declared && inside.length > 0) {
    const which =
      inside.length === 1 ? 'the one error inside' : `all ${String(inside.length)} errors inside`;
    const verb = inside.length === 1 ? 'is' : 'are';
    return `retryable — ${which} ${label(root)} ${verb} retryable (${RULES.group})`;
  }
  if (root.declared) {
    return `retryable — ${label(root)} says it is retryable (${RULES.declared})`;
  }
  return `retryable — ${RULES.silent}, and ${label(root)} says nothing about it`;
}

/**
 * The verdict a lionherd-core log recorded. Python decides a group by its direct
 * sub-exceptions only, so where this dashboard's rule looks deeper and disagrees, both are
 * named.
 */
function recordedInWords(root: ErrorTreeNode): string {
  const flag = (retryable: boolean): string => (retryable ? 'retryable' : 'not retryable');
  const recorded = `${flag(root.retryable)} — as lionherd-core recorded it`;
  if (root.ruleRetryable === undefined || root.ruleRetryable === root.retryable) return recorded;
  return `${recorded}; this dashboard's rule would say ${flag(root.ruleRetryable)} (${RULES.group})`;
}

/**
 * Why one node of the tree got its flag, for nodes that did not declare one: the group rule
 * for aggregates, the silent-error rule for the rest. Empty for declared nodes.
 */
export function ruleNote(node: ErrorTreeNode): string {
  if (node.declared) return '';
  const isGroup = node.children.some((child) => child.relation === 'inside');
  if (isGroup) return node.retryable ? ' (every error inside is)' : ' (an error inside is not)';
  return ' (says nothing, so counts as retryable)';
}

function findNotRetryable(node: ErrorTreeNode): ErrorTreeNode | undefined {
  if (node.declared) return node.retryable ? undefined : node;
  for (const child of node.children) {
    if (child.relation !== 'inside') continue;
    const found = findNotRetryable(child);
    if (found) return found;
  }
  return undefined;
}

function label(node: ErrorTreeNode): string {
  const short = node.message.length > 80 ? `${node.message.slice(0, 80)}…` : node.message;
  return short === '' ? node.name : `${node.name} '${short}'`;
}
