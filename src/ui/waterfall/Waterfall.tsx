import { useMemo, useRef, useState, type PointerEvent } from 'react';
import { isTerminalStatus } from '../../lib';
import {
  selectRecordsVersion,
  useEventStoreApi,
  useRecordsSelector,
  type IdList,
} from '../../store';
import { useNow } from '../common/ticker.ts';
import {
  brushDomain,
  describeRow,
  formatOffset,
  layoutRows,
  place,
  ticks,
  visibleRows,
  type Domain,
  type RowSource,
} from './waterfallLayout.ts';
import './waterfall.css';

const ROW_HEIGHT = 24;
const VIEWPORT_HEIGHT = 420;
/** The width the bars are laid out in; the SVG scales it to the space it gets. */
const TRACK_WIDTH = 600;

/**
 * The waterfall: one bar per event (oldest at the top) from its start to its end, split into
 * backoff, waiting and running; live while events run. Drag across the bars to zoom into a
 * time range. Only the rows in view are drawn, so ten thousand events stay fast; each row is a
 * button whose name says its times, so the keyboard and screen readers get the same picture.
 */
export default function Waterfall({ ids: shown }: { ids: IdList }) {
  const ids = shown.toArray();
  const store = useEventStoreApi();
  const { records } = store;
  const actions = store.getState();
  // Read again whenever any record changed.
  const version = useRecordsSelector(selectRecordsVersion);
  const anyOpen = useMemo(
    () =>
      ids.some((id) => {
        const record = records.get(id);
        return record !== undefined && !isTerminalStatus(record.status);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` marks a change of `records`
    [ids, records, version],
  );
  // Ticks while bars grow; each open bar ends at "now" in its own event's clock.
  const tick = useNow(anyOpen);
  const layout = useMemo(() => {
    const sources: RowSource[] = [];
    // The list is newest first; a waterfall reads from the oldest down.
    for (let index = ids.length - 1; index >= 0; index--) {
      const record = records.get(ids[index] ?? '');
      if (record !== undefined) sources.push(record);
    }
    const { clockOf } = actions;
    return layoutRows(
      sources,
      (id) => records.get(id),
      (id) => clockOf(id).now(),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `tick` is the cue to read the clocks again, `version` marks a change of `records`
  }, [ids, records, actions, tick, version]);
  const [zoom, setZoom] = useState<Domain | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  const trackRef = useRef<HTMLDivElement>(null);

  const domain: Domain = zoom ?? { start: layout.start, end: layout.end };
  const origin = layout.start;
  const { first, last } = visibleRows(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, layout.rows.length);
  const visible = layout.rows.slice(first, last);
  const axis = ticks(domain, origin);

  const pixelX = (event: PointerEvent<HTMLElement>): number => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (rect === undefined || rect.width === 0) return 0;
    return ((event.clientX - rect.left) / rect.width) * TRACK_WIDTH;
  };

  if (layout.rows.length === 0) {
    return <p className="muted empty-list">No events to show yet: launch some.</p>;
  }

  return (
    <div className="waterfall">
      <div className="waterfall-toolbar">
        <p className="muted" aria-live="polite">
          {zoom === null
            ? `All ${String(layout.rows.length)} events, ${formatOffset(layout.end, origin).slice(1)} in all. Drag across the bars to zoom.`
            : `Zoomed to ${formatOffset(zoom.start, origin)} – ${formatOffset(zoom.end, origin)}.`}
        </p>
        <button
          type="button"
          disabled={zoom === null}
          onClick={() => {
            setZoom(null);
          }}
        >
          Reset zoom
        </button>
      </div>
      <div className="waterfall-legend" aria-hidden="true">
        <span className="swatch backoff" /> backoff <span className="swatch waiting" /> waiting{' '}
        <span className="swatch running" /> running
      </div>
      <div className="waterfall-axis" aria-hidden="true">
        <span />
        <svg viewBox={`0 0 ${String(TRACK_WIDTH)} 16`} preserveAspectRatio="none">
          {axis.map((tick) => {
            const x = ((tick - domain.start) / (domain.end - domain.start)) * TRACK_WIDTH;
            return <line key={tick} x1={x} x2={x} y1={10} y2={16} />;
          })}
        </svg>
        <span />
        <div className="waterfall-ticks">
          {axis.map((tick) => (
            <span
              key={tick}
              style={{
                left: `${String(((tick - domain.start) / (domain.end - domain.start)) * 100)}%`,
              }}
            >
              {formatOffset(tick, origin)}
            </span>
          ))}
        </div>
      </div>
      <div
        className="waterfall-scroll"
        style={{ height: VIEWPORT_HEIGHT }}
        onScroll={(event) => {
          setScrollTop(event.currentTarget.scrollTop);
        }}
      >
        <ul
          aria-label="Waterfall"
          className="waterfall-rows"
          style={{ height: layout.rows.length * ROW_HEIGHT }}
        >
          {visible.map((row, offset) => {
            const index = first + offset;
            const words = describeRow(row, origin);
            return (
              <li
                key={row.id}
                aria-setsize={layout.rows.length}
                aria-posinset={index + 1}
                style={{
                  transform: `translateY(${String(index * ROW_HEIGHT)}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                <button
                  type="button"
                  className="waterfall-label"
                  aria-label={words}
                  onClick={() => {
                    actions.select(row.id);
                  }}
                >
                  <span aria-hidden="true">
                    {row.label} · {row.id.slice(0, 4)}
                  </span>
                </button>
                <svg
                  className="waterfall-bar"
                  viewBox={`0 0 ${String(TRACK_WIDTH)} ${String(ROW_HEIGHT)}`}
                  preserveAspectRatio="none"
                  aria-hidden="true"
                >
                  <title>{words}</title>
                  {row.segments.map((segment) => {
                    const at = place(segment, domain, TRACK_WIDTH);
                    return at === null ? null : (
                      <rect
                        key={segment.phase}
                        className={`segment ${segment.phase} status-${row.status}`}
                        x={at.x}
                        width={at.width}
                        y={5}
                        height={ROW_HEIGHT - 10}
                      />
                    );
                  })}
                </svg>
              </li>
            );
          })}
        </ul>
        <div
          ref={trackRef}
          className="waterfall-brush"
          style={{ height: layout.rows.length * ROW_HEIGHT }}
          data-testid="waterfall-brush"
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            const x = pixelX(event);
            setBrush({ from: x, to: x });
          }}
          onPointerMove={(event) => {
            if (brush !== null) setBrush({ from: brush.from, to: pixelX(event) });
          }}
          onPointerUp={(event) => {
            if (brush !== null && Math.abs(pixelX(event) - brush.from) > 4) {
              setZoom(brushDomain(domain, TRACK_WIDTH, brush.from, pixelX(event)));
            }
            setBrush(null);
          }}
        >
          {brush !== null ? (
            <span
              className="waterfall-selection"
              style={{
                left: `${String((Math.min(brush.from, brush.to) / TRACK_WIDTH) * 100)}%`,
                width: `${String((Math.abs(brush.to - brush.from) / TRACK_WIDTH) * 100)}%`,
              }}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
