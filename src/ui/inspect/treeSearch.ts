import type { ErrorDict } from '../../lib';
import { buildErrorTree, type ErrorTreeNode } from './errorTreeModel.ts';
import type { SlicedJob } from './useSlicedWork.ts';

/** What a search of the tree found: the first `limit` matching nodes and how many match. */
export interface TreeSearch {
  matches: ErrorTreeNode[];
  total: number;
}

/**
 * Errors visited per step: a fraction of a millisecond even before the code is optimized (a
 * step of 2,000 took most of a 50 ms task the first time it ran in a cold page).
 */
const ERRORS_PER_STEP = 250;

/** An error being walked: its key, and which of its children comes next. */
interface Frame {
  error: ErrorDict;
  key: string;
  next: number;
}

/**
 * A search for errors whose name or message contains `query` (ignoring case), in tree order,
 * as a job for `useSlicedWork`: it walks the serialized errors a few thousand at a time
 * without recursion, and builds nodes only for the first `limit` matches.
 */
export function treeSearchJob(
  root: ErrorTreeNode,
  query: string,
  limit: number,
): SlicedJob<TreeSearch> {
  // A pattern rather than `toLowerCase()`: a 10 MB message is searched without a copy.
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const matches: ErrorTreeNode[] = [];
  let total = 0;
  const visit = (error: ErrorDict, key: string, relation: ErrorTreeNode['relation']): Frame => {
    if (pattern.test(error.error) || pattern.test(error.message)) {
      total += 1;
      if (matches.length < limit) {
        // The root keeps what was set on it (a recorded verdict).
        matches.push(key === root.key ? root : buildErrorTree(error, key, relation));
      }
    }
    return { error, key, next: 0 };
  };
  const stack: Frame[] = [];
  let started = false;
  const step = (): boolean => {
    if (!started) {
      started = true;
      stack.push(visit(root.source, root.key, root.relation));
    }
    for (let visited = 0; visited < ERRORS_PER_STEP; visited++) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) return true;
      const inside = frame.error.exceptions ?? [];
      const index = frame.next++;
      const child = inside[index];
      if (child !== undefined) {
        stack.push(visit(child, `${frame.key}.${String(index)}`, 'inside'));
      } else if (index === inside.length && frame.error.cause !== undefined) {
        stack.push(visit(frame.error.cause, `${frame.key}.cause`, 'cause'));
      } else {
        stack.pop();
      }
    }
    return stack.length === 0;
  };
  return { step, result: () => ({ matches, total }) };
}

/** The whole search at once (tests, small trees). */
export function searchTree(root: ErrorTreeNode, query: string, limit: number): TreeSearch {
  const job = treeSearchJob(root, query, limit);
  while (!job.step());
  return job.result();
}
