import { CHILDREN_PAGE, childrenOf, type ErrorTreeNode } from './errorTreeModel.ts';

/** How many children of each node are drawn, by node key; absent means the first page. */
export type ShownCounts = ReadonlyMap<string, number>;

/**
 * How many children of `node` are drawn: the count "Show more" set, or else a first page of
 * `page` (`CHILDREN_PAGE`, or `FIRST_DRAWN` in the tree's very first render).
 */
export function shownOf(node: ErrorTreeNode, shown: ShownCounts, page: number): number {
  return Math.min(node.childCount, shown.get(node.key) ?? page);
}

/** A row of the tree as drawn: a node, or the "Show more" button after a node's last drawn child. */
export type TreeRow =
  | {
      kind: 'node';
      node: ErrorTreeNode;
      parentKey: string | undefined;
      level: number;
      /** How many children its parent has in all, drawn or not, and where it stands among them. */
      setSize: number;
      posInSet: number;
    }
  | { kind: 'more'; node: ErrorTreeNode; level: number; notDrawn: number };

export type NodeRow = Extract<TreeRow, { kind: 'node' }>;

/**
 * The rows of the tree drawn now, in order: each open node's children, as many as are shown,
 * then its "Show more" (not while the first page is still coming: its count would be wrong
 * for a moment). Walked with a stack, not recursion as deep as the tree.
 * A screen reader rebuilds the tree from the rows' levels: a row's parent is the nearest row
 * before it one level up.
 */
export function treeRows(
  root: ErrorTreeNode,
  collapsed: ReadonlySet<string>,
  shown: ShownCounts,
  page: number,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: TreeRow[] = [
    { kind: 'node', node: root, parentKey: undefined, level: 1, setSize: 1, posInSet: 1 },
  ];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    rows.push(step);
    if (step.kind === 'more') continue;
    const { node, level } = step;
    if (node.childCount === 0 || collapsed.has(node.key)) continue;
    const drawn = shownOf(node, shown, page);
    const notDrawn = node.childCount - drawn;
    if (notDrawn > 0 && page === CHILDREN_PAGE) {
      stack.push({ kind: 'more', node, level: level + 1, notDrawn });
    }
    const children = childrenOf(node, drawn);
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child === undefined) continue;
      stack.push({
        kind: 'node',
        node: child,
        parentKey: node.key,
        level: level + 1,
        setSize: node.childCount,
        posInSet: index + 1,
      });
    }
  }
  return rows;
}
