/**
 * The event list's own work per frame, in Node: 100,000 records (one in 50 retried, so chains
 * are grouped), then frames of 250 new records on top and 125 status changes, read as the
 * list reads them — worked out from scratch (the order copied, filtered and grouped, as the
 * list did before) against kept up to date by what changed (`makeQueryIdsSelector` and
 * `makeChainGrouper`). Without a filter and with one. A report, not a test: it always exits 0.
 *
 *   npm run bench:list
 *   LIST_BENCH_RECORDS=10000 npm run bench:list
 */
import { makeRecord } from '../tests/interop/makeRecord.ts';
import { createRecordsCache, type EventRecord, type RecordsCache } from '../src/store/index.ts';
import { makeChainGrouper } from '../src/ui/watch/chainGrouper.ts';
import { matchesQuery, parseFilterQuery, type FilterQuery } from '../src/ui/watch/filterQuery.ts';
import { groupChains } from '../src/ui/watch/groupChains.ts';
import { makeQueryIdsSelector } from '../src/ui/watch/makeQueryIdsSelector.ts';
import { formatTable, median, verdict } from './report.ts';

const RECORDS = Number(process.env.LIST_BENCH_RECORDS ?? 100_000);
const FRAMES = 40;
const ADDED_PER_FRAME = 250;
/** A frame's share of the list: the store mirrors within 8 ms a frame, the list must fit too. */
const FRAME_BUDGET_MS = 4;

function history(): RecordsCache {
  const records = createRecordsCache();
  const list: EventRecord[] = [];
  for (let index = 0; index < RECORDS; index += 1) {
    const retried = index % 50 === 1;
    list.push(
      makeRecord({
        id: `r${String(index)}`,
        chainId: `r${String(retried ? index - 1 : index)}`,
        attempt: retried ? 2 : 1,
        status: index % 3 === 0 ? 'failed' : 'completed',
      }),
    );
  }
  records.upsert(list, 'newer');
  return records;
}

/** The median time of `read` after each frame's changes, in ms. */
function perFrame(records: RecordsCache, read: () => void): number {
  let made = RECORDS;
  read();
  const times: number[] = [];
  for (let frame = 0; frame < FRAMES; frame += 1) {
    const fresh: EventRecord[] = [];
    for (let index = 0; index < ADDED_PER_FRAME; index += 1) {
      made += 1;
      fresh.push(makeRecord({ id: `r${String(made)}`, status: 'pending' }));
    }
    records.upsert(fresh, 'newer');
    records.upsert(
      fresh.slice(0, ADDED_PER_FRAME / 2).map((record) => ({ ...record, status: 'failed' })),
      'newer',
    );
    const start = performance.now();
    read();
    times.push(performance.now() - start);
  }
  return median(times);
}

function fromScratch(records: RecordsCache, query: FilterQuery): () => void {
  return () => {
    const ids = records.order.toArray().filter((id) => {
      const record = records.get(id);
      return record !== undefined && matchesQuery(record, query);
    });
    groupChains(
      ids,
      (id) => {
        const record = records.get(id);
        return record && { chainId: record.chainId, attempt: record.attempt };
      },
      () => false,
    );
  };
}

function followingChanges(records: RecordsCache, query: FilterQuery): () => void {
  const select = makeQueryIdsSelector();
  const grouper = makeChainGrouper();
  const expanded = new Set<string>();
  return () => {
    grouper.rows(select(records, query), records, expanded).at(0);
  };
}

const rows: string[][] = [];
for (const text of ['', 'status:failed']) {
  const query = parseFilterQuery(text);
  const before = history();
  const scratchMs = perFrame(before, fromScratch(before, query));
  const after = history();
  const keptMs = perFrame(after, followingChanges(after, query));
  rows.push([
    text === '' ? 'no filter' : `filter "${text}"`,
    `${scratchMs.toFixed(2)} ms`,
    `${keptMs.toFixed(2)} ms`,
    `≤ ${String(FRAME_BUDGET_MS)} ms`,
    verdict(keptMs <= FRAME_BUDGET_MS),
  ]);
}
console.log(
  `${RECORDS.toLocaleString('en')} records, ${String(FRAMES)} frames of ${String(ADDED_PER_FRAME)} new records and ${String(ADDED_PER_FRAME / 2)} status changes; median per frame`,
);
console.log(formatTable(['list', 'from scratch', 'by what changed', 'target', 'verdict'], rows));
