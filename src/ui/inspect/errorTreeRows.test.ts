import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorDict } from '../../lib';
import { buildErrorTree, CHILDREN_PAGE } from './errorTreeModel';
import { treeRows, type TreeRow } from './errorTreeRows';

const NONE = new Set<string>();
const NO_COUNTS = new Map<string, number>();

function leaf(error: string, message = ''): ErrorDict {
  return { error, message };
}

function group(children: ErrorDict[], cause?: ErrorDict): ErrorDict {
  return { error: 'ExceptionGroup', message: 'group', exceptions: children, cause };
}

/** A row as `level name posinset/setsize`, or `level more N` for a "Show more" row. */
function describeRow(row: TreeRow): string {
  if (row.kind === 'more') return `${String(row.level)} more ${String(row.notDrawn)}`;
  return `${String(row.level)} ${row.node.name} ${String(row.posInSet)}/${String(row.setSize)}`;
}

describe('treeRows', () => {
  it('lists a group and its children in order, each with its level and place among its siblings', () => {
    const root = buildErrorTree(
      group([leaf('ValueError'), group([leaf('KeyError')])], leaf('OSError')),
    );
    expect(treeRows(root, NONE, NO_COUNTS, CHILDREN_PAGE).map(describeRow)).toEqual([
      '1 ExceptionGroup 1/1',
      '2 ValueError 1/3',
      '2 ExceptionGroup 2/3',
      '3 KeyError 1/1',
      '2 OSError 3/3',
    ]);
  });

  it('leaves out the children of a collapsed node', () => {
    const root = buildErrorTree(group([group([leaf('KeyError')]), leaf('ValueError')]));
    const inner = treeRows(root, NONE, NO_COUNTS, CHILDREN_PAGE)[1];
    if (inner?.kind !== 'node') throw new Error('expected the inner group');
    const rows = treeRows(root, new Set([inner.node.key]), NO_COUNTS, CHILDREN_PAGE);
    expect(rows.map(describeRow)).toEqual([
      '1 ExceptionGroup 1/1',
      '2 ExceptionGroup 1/2',
      '2 ValueError 2/2',
    ]);
  });

  it('draws a page of a wide group, counts all of it in the set size, and puts "Show more" after the last drawn child', () => {
    const wide = group(Array.from({ length: 450 }, (_, index) => leaf('KeyError', String(index))));
    const root = buildErrorTree(group([wide, leaf('ValueError')]));
    const rows = treeRows(root, NONE, NO_COUNTS, CHILDREN_PAGE).map(describeRow);
    expect(rows).toHaveLength(1 + 1 + CHILDREN_PAGE + 1 + 1);
    expect(rows.slice(0, 3)).toEqual([
      '1 ExceptionGroup 1/1',
      '2 ExceptionGroup 1/2',
      '3 KeyError 1/450',
    ]);
    expect(rows.slice(-3)).toEqual(['3 KeyError 200/450', '3 more 250', '2 ValueError 2/2']);

    const wideKey = treeRows(root, NONE, NO_COUNTS, CHILDREN_PAGE)[1]?.node.key ?? '';
    const more = treeRows(root, NONE, new Map([[wideKey, 400]]), CHILDREN_PAGE).map(describeRow);
    expect(more.slice(-3)).toEqual(['3 KeyError 400/450', '3 more 50', '2 ValueError 2/2']);
  });

  it('offers no "Show more" while the first page is still being drawn', () => {
    const root = buildErrorTree(group(Array.from({ length: 450 }, () => leaf('KeyError'))));
    const rows = treeRows(root, NONE, NO_COUNTS, 40);
    expect(rows).toHaveLength(41);
    expect(rows.every((row) => row.kind === 'node')).toBe(true);
  });

  it('flattens a group 1,000 levels deep, each level one deeper', () => {
    const depth = 1_000;
    let error: ErrorDict = leaf('KeyError', 'deepest');
    for (let level = 0; level < depth; level++) error = group([error]);
    const rows = treeRows(buildErrorTree(error), NONE, NO_COUNTS, CHILDREN_PAGE);
    expect(rows).toHaveLength(depth + 1);
    expect(rows.at(-1)).toMatchObject({ level: depth + 1, node: { message: 'deepest' } });
  });

  it('a row’s parent is the nearest row before it one level up, so levels alone rebuild the tree', () => {
    const errorDict: fc.Arbitrary<ErrorDict> = fc.letrec<{ node: ErrorDict }>((tie) => ({
      node: fc.record(
        {
          error: fc.constantFrom('ValueError', 'OSError', 'ExceptionGroup'),
          message: fc.string({ maxLength: 5 }),
          exceptions: fc.array(tie('node'), { maxLength: 4 }),
          cause: fc.option(tie('node'), { nil: undefined, depthSize: 'xsmall' }),
        },
        { requiredKeys: ['error', 'message'] },
      ),
    })).node;
    fc.assert(
      fc.property(errorDict, fc.integer({ min: 1, max: 3 }), (error, page) => {
        const rows = treeRows(buildErrorTree(error), NONE, NO_COUNTS, page);
        rows.forEach((row, index) => {
          if (row.kind !== 'node' || row.level === 1) return;
          const parent = rows
            .slice(0, index)
            .reverse()
            .find((earlier) => earlier.kind === 'node' && earlier.level === row.level - 1);
          expect(parent?.node.key).toBe(row.parentKey);
          expect(row.posInSet).toBeLessThanOrEqual(row.setSize);
        });
      }),
    );
  });
});
