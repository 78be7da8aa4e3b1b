import { useCallback, useMemo, useState } from 'react';
import type { TextSource } from './chunkedText.ts';
import { clipText, createRowSplitter } from './textLines.ts';
import { useSlicedWork } from './useSlicedWork.ts';
import './boundedText.css';

/** Characters shown before "Show all". */
export const CLIP_AT = 2_000;
/** The height of one row of `.bounded-rows`, in pixels (kept equal to its CSS line height). */
const ROW_HEIGHT = 20;
/** Rows cut per step of the splitter: a fraction of a millisecond. */
const ROWS_PER_STEP = 2_000;

interface Props {
  /** A string, or a long text kept in pieces (`ChunkedText`). */
  text: TextSource;
  /** The accessible name of the text. */
  label: string;
  /** `text` is only the start of a longer text still being prepared: "Show all" waits. */
  preparing?: boolean;
}

/**
 * Text of any length drawn at a bounded cost: the first 2,000 characters, wrapped, and a
 * "Show all" that lists the whole text in rows of at most 120 characters, drawing only the
 * rows in view. The rows are cut in slices of a few milliseconds, so a 10 MB message never
 * holds the page: the list grows while they are cut.
 */
export function BoundedText({ text, label, preparing = false }: Props) {
  const [showAll, setShowAll] = useState(false);
  if (text.length <= CLIP_AT && !preparing) {
    return (
      <pre className="bounded-text" aria-label={label} tabIndex={0}>
        {text.slice(0, text.length)}
      </pre>
    );
  }
  if (showAll && !preparing) return <TextRows text={text} label={label} />;
  const { shown, hidden } = clipText(text, CLIP_AT);
  return (
    <div>
      <pre className="bounded-text" aria-label={label} tabIndex={0}>
        {shown}…
      </pre>
      <button
        type="button"
        disabled={preparing}
        onClick={() => {
          setShowAll(true);
        }}
      >
        {preparing
          ? 'Show all (preparing the whole text…)'
          : `Show all (${hidden.toLocaleString('en')} more characters)`}
      </button>
    </div>
  );
}

/** Rows drawn beyond the ones in view, above and below. */
const OVERSCAN = 10;

function TextRows({ text, label }: Props) {
  const splitter = useMemo(() => createRowSplitter(text), [text]);
  const startSplitting = useCallback(
    () => ({ step: () => splitter.step(ROWS_PER_STEP), result: () => splitter.count }),
    [splitter],
  );
  const { result: rowCount } = useSlicedWork(startSplitting);
  // Rows all have one height, so the rows in view follow from the scroll position alone: no
  // measuring, nothing laid out but the few rows drawn, whatever the number of rows.
  const [view, setView] = useState({ top: 0, height: 400 });
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(
    splitter.count,
    Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN,
  );
  const drawn: { index: number; start: number; end: number }[] = [];
  for (let index = first; index < last; index++) {
    const row = splitter.row(index);
    if (row !== undefined) drawn.push({ index, ...row });
  }
  return (
    <div
      className="bounded-rows"
      role="region"
      aria-label={label}
      aria-busy={rowCount === undefined}
      tabIndex={0}
      onScroll={(event) => {
        const { scrollTop, clientHeight } = event.currentTarget;
        setView({ top: scrollTop, height: clientHeight });
      }}
    >
      <div style={{ height: `${String(splitter.count * ROW_HEIGHT)}px`, position: 'relative' }}>
        {drawn.map(({ index, start, end }) => (
          <div
            key={index}
            className="bounded-row"
            style={{ transform: `translateY(${String(index * ROW_HEIGHT)}px)` }}
          >
            {text.slice(start, end)}
          </div>
        ))}
      </div>
    </div>
  );
}
