import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorDict } from '../../lib';
import {
  buildErrorTree,
  childrenOf,
  countByType,
  createTypeCounter,
  ruleRetryable,
  type ErrorTreeNode,
} from './errorTreeModel';
import { searchTree, treeSearchJob } from './treeSearch';

/** Any serialized error: groups, causes, flags or none, any text. */
const errorDict: fc.Arbitrary<ErrorDict> = fc.letrec<{ node: ErrorDict }>((tie) => ({
  // Small trees: a few dozen errors at most, so hundreds of runs take well under a second.
  node: fc.record(
    {
      error: fc.oneof(fc.constantFrom('ValueError', 'OSError', 'TimeoutError'), fc.string()),
      message: fc.string({ maxLength: 20, unit: 'binary' }),
      retryable: fc.boolean(),
      exceptions: fc.array(tie('node'), { maxLength: 3 }),
      cause: fc.option(tie('node'), { nil: undefined, depthSize: 'xsmall' }),
      nested_count: fc.nat(),
    },
    { requiredKeys: ['error', 'message'] },
  ),
})).node;

/** The tree as it was built before nodes were lazy: every node at once, recursively. */
interface EagerNode {
  key: string;
  relation: ErrorTreeNode['relation'];
  name: string;
  message: string;
  retryable: boolean;
  children: EagerNode[];
}

function eager(
  error: ErrorDict,
  key = 'root',
  relation: EagerNode['relation'] = 'root',
): EagerNode {
  const inside = (error.exceptions ?? []).map((child, index) =>
    eager(child, `${key}.${String(index)}`, 'inside'),
  );
  const cause = error.cause ? [eager(error.cause, `${key}.cause`, 'cause')] : [];
  const retryable =
    typeof error.retryable === 'boolean'
      ? error.retryable
      : error.exceptions
        ? inside.every((child) => child.retryable)
        : true;
  return {
    key,
    relation,
    name: error.error,
    message: error.message,
    retryable,
    children: [...inside, ...cause],
  };
}

/** The lazy tree expanded in full, in the eager shape. */
function expand(node: ErrorTreeNode): EagerNode {
  return {
    key: node.key,
    relation: node.relation,
    name: node.name,
    message: node.message,
    retryable: node.retryable,
    children: childrenOf(node).map(expand),
  };
}

function preOrder(node: EagerNode, out: EagerNode[] = []): EagerNode[] {
  out.push(node);
  for (const child of node.children) preOrder(child, out);
  return out;
}

function wideGroup(width: number, name: (index: number) => string): ErrorDict {
  return {
    error: 'ExceptionGroup',
    message: 'wide',
    exceptions: Array.from({ length: width }, (_, index) => ({
      error: name(index),
      message: String(index),
    })),
  };
}

describe('the error tree model', () => {
  it('builds, node by node on demand, the same tree as building it all at once', () => {
    fc.assert(
      fc.property(errorDict, (dict) => {
        expect(expand(buildErrorTree(dict))).toEqual(eager(dict));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same children, with the same identity, however many are asked for', () => {
    fc.assert(
      fc.property(errorDict, fc.nat(6), (dict, count) => {
        const root = buildErrorTree(dict);
        const some = childrenOf(root, count);
        expect(some).toHaveLength(Math.min(count, root.childCount));
        const all = childrenOf(root);
        some.forEach((child, index) => {
          expect(all[index]).toBe(child);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a search finds what a full walk finds, in order, lists at most the limit, and counts them all', () => {
    fc.assert(
      fc.property(
        errorDict,
        fc.oneof(
          fc.constantFrom('Error', 'os', 'x', '', '.*', '(', 'E'),
          fc.string({ maxLength: 3 }),
        ),
        fc.nat(5),
        (dict, query, limit) => {
          const { matches, total } = searchTree(buildErrorTree(dict), query, limit);
          const needle = query.toLowerCase();
          const found = preOrder(eager(dict)).filter(
            (node) =>
              node.name.toLowerCase().includes(needle) ||
              node.message.toLowerCase().includes(needle),
          );
          expect(total).toBe(found.length);
          expect(matches.map((node) => node.key)).toEqual(
            found.slice(0, limit).map((node) => node.key),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts by type add up to the number of errors, most frequent first', () => {
    fc.assert(
      fc.property(fc.array(errorDict, { maxLength: 30 }), (errors) => {
        const counts = countByType(errors);
        expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(errors.length);
        for (let index = 1; index < counts.length; index++) {
          expect(counts[index - 1]?.count ?? 0).toBeGreaterThanOrEqual(counts[index]?.count ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counted a few errors at a time, gives the counts of one go', () => {
    fc.assert(
      fc.property(
        fc.array(errorDict, { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        (errors, step) => {
          const counter = createTypeCounter(errors);
          let steps = 1;
          while (!counter.step(step)) steps += 1;
          expect(counter.result()).toEqual(countByType(errors));
          expect(steps).toBeLessThanOrEqual(Math.max(1, Math.ceil(errors.length / step)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('opens a group of any width building only the children asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.nat(400), (width, shown) => {
        const root = buildErrorTree(wideGroup(width, () => 'OSError'));
        expect(root.childCount).toBe(width);
        expect(childrenOf(root, shown)).toHaveLength(Math.min(width, shown));
      }),
      { numRuns: 20 },
    );
  });

  it('searches and counts a group 150,000 wide, a few thousand errors per step', () => {
    const dict = wideGroup(150_000, (index) => (index % 3 === 0 ? 'OSError' : 'ValueError'));
    const wide = buildErrorTree(dict);
    const job = treeSearchJob(wide, 'oserror', 200);
    let steps = 1;
    while (!job.step()) steps += 1;
    expect(steps).toBeGreaterThanOrEqual(50);
    expect(job.result().total).toBe(50_000);
    expect(job.result().matches).toHaveLength(200);
    expect(countByType(dict.exceptions ?? [])).toEqual([
      { name: 'ValueError', count: 100_000 },
      { name: 'OSError', count: 50_000 },
    ]);
  });

  it('decides and searches a group 100,000 deep without overflowing the stack', () => {
    let dict: ErrorDict = { error: 'ValidationError', message: 'bottom', retryable: false };
    for (let level = 0; level < 100_000; level++) {
      dict = { error: 'ExceptionGroup', message: `level ${String(level)}`, exceptions: [dict] };
    }
    expect(ruleRetryable(dict)).toBe(false);
    expect(searchTree(buildErrorTree(dict), 'bottom', 5).total).toBe(1);
  });

  it('finds a word at the end of a 10 MB message, ignoring case', () => {
    const root = buildErrorTree({
      error: 'ValueError',
      message: 'x'.repeat(10 * 2 ** 20) + 'NeedLE',
    });
    expect(searchTree(root, 'needle', 1).total).toBe(1);
    expect(searchTree(root, 'xneedlex', 1).total).toBe(0);
  });
});
