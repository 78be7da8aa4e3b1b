import type { EventStatus, Transition } from '../../lib';

/** A stretch of an event's life: waiting to start, running, or backing off before a retry. */
export interface Segment {
  phase: 'backoff' | 'waiting' | 'running';
  /** Epoch milliseconds. */
  start: number;
  end: number;
}

/** One bar of the waterfall: an event from its first moment (its backoff, if any) to its end. */
export interface WaterfallRow {
  id: string;
  label: string;
  status: EventStatus;
  attempt: number;
  start: number;
  end: number;
  /** `true` while the event has not ended; its bar grows with `now`. */
  open: boolean;
  segments: Segment[];
}

/** What the layout reads of a record. */
export interface RowSource {
  id: string;
  label: string;
  status: EventStatus;
  attempt: number;
  originalId: string | null;
  transitions: readonly Transition[];
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'skipped', 'aborted']);

/**
 * The bar of one event: waiting from creation to `processing` (or to its end, if it never
 * ran), running from `processing` to its end, and for a retry the backoff from the end of the
 * attempt before to its own creation. An event still going ends at `now`.
 */
export function rowOf(
  source: RowSource,
  previousEnd: number | undefined,
  now: number,
): WaterfallRow {
  const created = source.transitions[0]?.at ?? now;
  let started: number | undefined;
  let ended: number | undefined;
  for (const step of source.transitions) {
    if (step.status === 'processing') started = step.at;
    else if (TERMINAL.has(step.status)) ended = step.at;
  }
  const end = ended ?? Math.max(now, created);
  const segments: Segment[] = [];
  if (previousEnd !== undefined && previousEnd < created) {
    segments.push({ phase: 'backoff', start: previousEnd, end: created });
  }
  segments.push({ phase: 'waiting', start: created, end: started ?? end });
  if (started !== undefined) segments.push({ phase: 'running', start: started, end });
  return {
    id: source.id,
    label: source.label,
    status: source.status,
    attempt: source.attempt,
    start: segments[0]?.start ?? created,
    end,
    open: ended === undefined,
    segments,
  };
}

/**
 * Rows for `sources` in the order given, and the time they span. `now` ends the bars of events
 * still going: one time for all, or each event's own (read in the clock it runs on).
 */
export function layoutRows(
  sources: readonly RowSource[],
  byId: (id: string) => RowSource | undefined,
  now: number | ((id: string) => number),
): { rows: WaterfallRow[]; start: number; end: number } {
  const nowOf = typeof now === 'number' ? () => now : now;
  const rows: WaterfallRow[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const source of sources) {
    const original = source.originalId === null ? undefined : byId(source.originalId);
    const row = rowOf(
      source,
      original === undefined ? undefined : endOf(original),
      nowOf(source.id),
    );
    rows.push(row);
    if (row.start < start) start = row.start;
    if (row.end > end) end = row.end;
  }
  if (rows.length === 0) {
    // Nothing to span: an empty range (at `now` when one time was given).
    const at = typeof now === 'number' ? now : 0;
    return { rows, start: at, end: at };
  }
  return { rows, start, end: Math.max(end, start + 1) };
}

function endOf(source: RowSource): number | undefined {
  const last = source.transitions[source.transitions.length - 1];
  return last !== undefined && TERMINAL.has(last.status) ? last.at : undefined;
}

/** A time range on screen, epoch milliseconds. */
export interface Domain {
  start: number;
  end: number;
}

/** Where a segment sits in a track `width` pixels wide showing `domain`; `null` if out of view. */
export function place(
  segment: { start: number; end: number },
  domain: Domain,
  width: number,
): { x: number; width: number } | null {
  const span = domain.end - domain.start;
  if (span <= 0 || segment.end < domain.start || segment.start > domain.end) return null;
  const from = Math.max(segment.start, domain.start);
  const to = Math.min(segment.end, domain.end);
  const x = ((from - domain.start) / span) * width;
  // At least a pixel, so an instant event is still a visible bar.
  return { x, width: Math.max(1, ((to - from) / span) * width) };
}

/** The domain a brush from pixel `x1` to `x2` selects in a track showing `domain`. */
export function brushDomain(domain: Domain, width: number, x1: number, x2: number): Domain {
  const span = domain.end - domain.start;
  const left = Math.max(0, Math.min(x1, x2));
  const right = Math.min(width, Math.max(x1, x2));
  return {
    start: domain.start + (left / width) * span,
    end: domain.start + (right / width) * span,
  };
}

/** The rows to draw for a scroll position: the ones in view and `overscan` on each side. */
export function visibleRows(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 5,
): { first: number; last: number } {
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** Round tick steps for an axis, in milliseconds. */
const STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000, 300_000, 600_000,
  1_800_000, 3_600_000,
];

/** About `count` ticks at round offsets from `origin` covering `domain`. */
export function ticks(domain: Domain, origin: number, count = 5): number[] {
  const span = domain.end - domain.start;
  if (span <= 0) return [];
  const step = STEPS.find((candidate) => span / candidate <= count) ?? STEPS[STEPS.length - 1] ?? 1;
  const first = origin + Math.ceil((domain.start - origin) / step) * step;
  const result: number[] = [];
  for (let tick = first; tick <= domain.end && result.length < 50; tick += step) result.push(tick);
  return result;
}

/** A time as an offset from `origin`: `+120 ms`, `+2.5 s`, `+1 min 5 s`. */
export function formatOffset(ms: number, origin: number): string {
  const offset = ms - origin;
  if (Math.abs(offset) < 1000) return `+${String(Math.round(offset))} ms`;
  if (Math.abs(offset) < 60_000)
    return `+${(offset / 1000).toFixed(offset % 1000 === 0 ? 0 : 2)} s`;
  const minutes = Math.floor(offset / 60_000);
  return `+${String(minutes)} min ${String(Math.round((offset % 60_000) / 1000))} s`;
}

/** A row in words, for its label and its bar's title: what happened when. */
export function describeRow(row: WaterfallRow, origin: number): string {
  const parts = row.segments.map(
    (segment) =>
      `${segment.phase} ${formatOffset(segment.start, origin)} to ${formatOffset(segment.end, origin)}`,
  );
  return `${row.label}, attempt ${String(row.attempt)}, ${row.status}${row.open ? ' (still going)' : ''}: ${parts.join('; ')}`;
}
