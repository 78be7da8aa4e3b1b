import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupChains, type ChainFacts } from './groupChains';

function lookup(facts: Record<string, ChainFacts>): (id: string) => ChainFacts | undefined {
  return (id) => facts[id];
}

const chainOfThree = lookup({
  a1: { chainId: 'a1', attempt: 1 },
  a2: { chainId: 'a1', attempt: 2 },
  a3: { chainId: 'a1', attempt: 3 },
  b1: { chainId: 'b1', attempt: 1 },
});

describe('grouping retry chains in the list', () => {
  it('puts a chain’s earlier attempts under its newest one, collapsed', () => {
    const entries = groupChains(['a3', 'b1', 'a2', 'a1'], chainOfThree, () => false);
    expect(entries).toEqual([
      { id: 'a3', chainId: 'a1', depth: 0, earlier: 2, expanded: false },
      { id: 'b1', chainId: 'b1', depth: 0, earlier: 0, expanded: false },
    ]);
  });

  it('lists the earlier attempts, newest first, right under the head when expanded', () => {
    const entries = groupChains(['a3', 'b1', 'a2', 'a1'], chainOfThree, (id) => id === 'a1');
    expect(entries.map((entry) => [entry.id, entry.depth])).toEqual([
      ['a3', 0],
      ['a2', 1],
      ['a1', 1],
      ['b1', 0],
    ]);
  });

  it('groups only the attempts the filter kept, under the newest of them', () => {
    const entries = groupChains(['b1', 'a2', 'a1'], chainOfThree, () => true);
    expect(entries.map((entry) => [entry.id, entry.depth, entry.earlier])).toEqual([
      ['b1', 0, 0],
      ['a2', 0, 1],
      ['a1', 1, 0],
    ]);
  });

  it('shows a chain with one kept attempt as a plain row', () => {
    expect(groupChains(['a1'], chainOfThree, () => true)).toEqual([
      { id: 'a1', chainId: 'a1', depth: 0, earlier: 0, expanded: false },
    ]);
  });

  it('keeps ids it knows nothing about as rows of their own', () => {
    expect(groupChains(['x'], chainOfThree, () => true)).toEqual([
      { id: 'x', chainId: 'x', depth: 0, earlier: 0, expanded: false },
    ]);
  });

  it('places a group at its newest attempt even when an older one is listed first', () => {
    const entries = groupChains(['a1', 'b1', 'a3'], chainOfThree, () => true);
    expect(entries.map((entry) => entry.id)).toEqual(['b1', 'a3', 'a1']);
  });

  it('orders a chain by attempt, newest first, and equal attempts as listed', () => {
    const facts = lookup({
      x: { chainId: 'c', attempt: 2 },
      y: { chainId: 'c', attempt: 2 },
      z: { chainId: 'c', attempt: 1 },
      w: { chainId: 'c', attempt: 3 },
    });
    expect(groupChains(['x', 'y', 'z'], facts, () => true).map((entry) => entry.id)).toEqual([
      'x',
      'y',
      'z',
    ]);
    expect(groupChains(['x', 'z', 'y', 'w'], facts, () => true).map((entry) => entry.id)).toEqual([
      'w',
      'x',
      'y',
      'z',
    ]);
  });

  it('lists every id exactly once when all chains are expanded, each head before its attempts', () => {
    const records = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        chain: fc.integer({ min: 0, max: 5 }),
        attempt: fc.integer({ min: 1, max: 4 }),
      }),
      { selector: (record) => record.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(records, fc.boolean(), (list, expandAll) => {
        const facts = Object.fromEntries(
          list.map((record) => [
            record.id,
            { chainId: `c${String(record.chain)}`, attempt: record.attempt },
          ]),
        );
        const ids = list.map((record) => record.id);
        const entries = groupChains(ids, lookup(facts), () => expandAll);
        const chains = new Set(list.map((record) => record.chain));
        if (expandAll) expect(entries.map((entry) => entry.id).sort()).toEqual([...ids].sort());
        else expect(entries).toHaveLength(chains.size);
        let head: (typeof entries)[number] | undefined;
        for (const entry of entries) {
          if (entry.depth === 0) {
            head = entry;
            continue;
          }
          // An earlier attempt sits under the head of its own chain, never above a newer one.
          expect(head?.chainId).toBe(entry.chainId);
          expect(facts[entry.id]?.attempt ?? 0).toBeLessThanOrEqual(
            facts[head?.id ?? '']?.attempt ?? 0,
          );
        }
      }),
    );
  });
});
