import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import { describeRunSettings, propertyRunSettings } from '../../../tests/support/arbitraries';
import { listOperationsArbitrary, type ListOperation } from '../../../tests/support/listOperations';
import { createRecordsCache, type EventRecord, type RecordsCache } from '../../store';
import { makeChainGrouper } from './chainGrouper.ts';
import { matchesQuery, parseFilterQuery, type FilterQuery } from './filterQuery.ts';
import { groupChains, type ListEntry } from './groupChains.ts';
import type { ListRows } from './listRows.ts';
import { makeQueryIdsSelector } from './makeQueryIdsSelector.ts';
import type { ShownIds } from './shownIds.ts';

/** The list worked out from scratch: the filter over the order, then `groupChains`. */
function fromScratch(records: RecordsCache, query: FilterQuery, expanded: ReadonlySet<string>) {
  const ids = records.order.toArray().filter((id) => {
    const record = records.get(id);
    return record !== undefined && matchesQuery(record, query);
  });
  const rows = groupChains(
    ids,
    (id) => {
      const record = records.get(id);
      return record && { chainId: record.chainId, attempt: record.attempt };
    },
    (chainId) => expanded.has(chainId),
  );
  return { ids, rows };
}

function entriesOf(rows: ListRows): (ListEntry | undefined)[] {
  return Array.from({ length: rows.length }, (_, index) => rows.at(index));
}

/** Plays `operations` on a records cache, reading the list at every `look` and at the end. */
function play(operations: readonly ListOperation[]): void {
  const records = createRecordsCache();
  const select = makeQueryIdsSelector();
  const grouper = makeChainGrouper();
  let made = 0;
  let query = parseFilterQuery('');
  let expanded: ReadonlySet<string> = new Set();
  let last: { ids: ShownIds; rows: ListRows; expected: ReturnType<typeof fromScratch> } | undefined;
  let startedOver = false;

  const pick = (n: number): EventRecord | undefined => {
    const id = records.order.at(n % Math.max(records.order.length, 1));
    return id === undefined ? undefined : records.get(id);
  };

  const look = (): void => {
    const ids = select(records, query);
    const rows = grouper.rows(ids, records, expanded);
    const expected = fromScratch(records, query, expanded);
    expect(ids.toArray()).toEqual(expected.ids);
    expect(ids.length).toBe(expected.ids.length);
    for (const [index, id] of expected.ids.entries()) {
      expect(ids.at(index)).toBe(id);
      expect(ids.indexOf(id)).toBe(index);
    }
    expect(entriesOf(rows)).toEqual(expected.rows);
    const shownRows = new Set(expected.rows.map((entry) => entry.id));
    for (const [index, entry] of expected.rows.entries()) {
      expect(rows.idAt(index)).toBe(entry.id);
      expect(rows.indexOf(entry.id)).toBe(index);
    }
    for (const id of expected.ids) if (!shownRows.has(id)) expect(rows.indexOf(id)).toBe(-1);
    // Nothing shown changed: the same objects, so nothing downstream renders again.
    if (last !== undefined && !startedOver && ids.basis === last.ids.basis) {
      const sameIds = JSON.stringify(expected.ids) === JSON.stringify(last.expected.ids);
      if (sameIds && query.words.length + query.status.length + query.attempt.length > 0) {
        expect(ids).toBe(last.ids);
      }
      if (JSON.stringify(expected.rows) === JSON.stringify(last.expected.rows)) {
        expect(rows).toBe(last.rows);
      }
    }
    last = { ids, rows, expected };
    startedOver = false;
  };

  for (const operation of operations) {
    switch (operation.op) {
      case 'add': {
        const added = operation.records.map(({ chain, attempt, status }) => {
          made += 1;
          return makeRecord({
            id: `r${String(made)}`,
            chainId: `c${String(chain)}`,
            attempt,
            status,
            kind: chain % 2 === 0 ? 'simple' : 'slow',
            label: chain % 2 === 0 ? 'Simple event' : 'Slow event',
          });
        });
        records.upsert(added, operation.placement);
        break;
      }
      case 'status': {
        const record = pick(operation.pick);
        if (record !== undefined)
          records.upsert([{ ...record, status: operation.status }], 'newer');
        break;
      }
      case 'remove':
        records.remove(operation.picks.flatMap((n) => pick(n)?.id ?? []));
        break;
      case 'clear':
        records.clear();
        startedOver = true;
        break;
      case 'filter':
        query = parseFilterQuery(operation.query);
        break;
      case 'toggle': {
        const chainId = `c${String(operation.chain)}`;
        const next = new Set(expanded);
        if (!next.delete(chainId)) next.add(chainId);
        expanded = next;
        break;
      }
      case 'look':
        look();
        break;
    }
  }
  look();
}

const settings = propertyRunSettings();
console.info(describeRunSettings('incremental list', settings));

describe('the list kept up to date by what changed', () => {
  it(
    'always equals the filter and the grouping worked out from scratch',
    () => {
      fc.assert(
        fc.property(listOperationsArbitrary, (operations) => {
          play(operations);
        }),
        settings,
      );
    },
    Math.max(60_000, settings.numRuns * 60),
  );
});
