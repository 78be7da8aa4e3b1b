import type { ErrorDict } from '../../lib';
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
  const culprit = findNotRetryable(root.source);
  if (culprit === root.source) {
    return `not retryable — ${label(root)} says it is not retryable (${RULES.declared})`;
  }
  if (culprit) {
    return `not retryable — ${label({ name: culprit.error, message: culprit.message })} inside ${label(root)} is not retryable (${RULES.group})`;
  }
  const inside = root.insideCount;
  if (!root.declared && inside > 0) {
    const which = inside === 1 ? 'the one error inside' : `all ${String(inside)} errors inside`;
    const verb = inside === 1 ? 'is' : 'are';
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
  if (node.insideCount > 0)
    return node.retryable ? ' (every error inside is)' : ' (an error inside is not)';
  return ' (says nothing, so counts as retryable)';
}

/**
 * The first error, in tree order, that declares itself not retryable, looking inside groups
 * but not inside errors that declare a flag. Iterative: a group thousands deep is fine.
 */
function findNotRetryable(error: ErrorDict): ErrorDict | undefined {
  const stack = [error];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.retryable === 'boolean') {
      if (!next.retryable) return next;
      continue;
    }
    const inside = next.exceptions ?? [];
    for (let index = inside.length - 1; index >= 0; index--) {
      const child = inside[index];
      if (child !== undefined) stack.push(child);
    }
  }
  return undefined;
}

function label(node: Pick<ErrorTreeNode, 'name' | 'message'>): string {
  const short = node.message.length > 80 ? `${node.message.slice(0, 80)}…` : node.message;
  return short === '' ? node.name : `${node.name} '${short}'`;
}
