import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorDict } from '../../lib';
import { buildErrorTree, countByType, searchTree } from './errorTreeModel';

const errorDict: fc.Arbitrary<ErrorDict> = fc.letrec<{ node: ErrorDict }>((tie) => ({
  node: fc.record(
    {
      error: fc.constantFrom('ValueError', 'OSError', 'TimeoutError'),
      message: fc.string({ maxLength: 20 }),
      exceptions: fc.array(tie('node'), { maxLength: 4 }),
    },
    { requiredKeys: ['error', 'message'] },
  ),
})).node;

function size(dict: ErrorDict): number {
  return 1 + (dict.exceptions ?? []).reduce((sum, child) => sum + size(child), 0);
}

describe('the error tree model', () => {
  it('a search finds what a full walk finds, lists at most the limit, and counts them all', () => {
    fc.assert(
      fc.property(
        errorDict,
        fc.constantFrom('Error', 'os', 'x', ''),
        fc.nat(5),
        (dict, query, limit) => {
          const root = buildErrorTree(dict);
          const { matches, total } = searchTree(root, query, limit);
          const all: string[] = [];
          const walk = (node: typeof root): void => {
            if (
              node.name.toLowerCase().includes(query.toLowerCase()) ||
              node.message.toLowerCase().includes(query.toLowerCase())
            )
              all.push(node.key);
            node.children.forEach(walk);
          };
          walk(root);
          expect(total).toBe(all.length);
          expect(matches.map((node) => node.key)).toEqual(all.slice(0, limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts by type add up to the number of nodes, most frequent first', () => {
    fc.assert(
      fc.property(errorDict, (dict) => {
        const root = buildErrorTree(dict);
        const counts = countByType(root.children);
        expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(root.children.length);
        for (let index = 1; index < counts.length; index++) {
          expect(counts[index - 1]?.count ?? 0).toBeGreaterThanOrEqual(counts[index]?.count ?? 0);
        }
        expect(size(dict)).toBeGreaterThanOrEqual(root.children.length + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('searches and counts a group 150,000 wide', () => {
    const wide = buildErrorTree({
      error: 'ExceptionGroup',
      message: 'wide',
      exceptions: Array.from({ length: 150_000 }, (_, index) => ({
        error: index % 3 === 0 ? 'OSError' : 'ValueError',
        message: String(index),
      })),
    });
    expect(searchTree(wide, 'oserror', 200)).toMatchObject({ total: 50_000 });
    expect(countByType(wide.children)).toEqual([
      { name: 'ValueError', count: 100_000 },
      { name: 'OSError', count: 50_000 },
    ]);
  });
});
