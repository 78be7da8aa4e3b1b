import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { clipText, splitIntoRows } from './textLines.ts';
import './boundedText.css';

/** Characters shown before "Show all". */
const CLIP_AT = 2_000;
/** The height of one row of `.bounded-rows`, in pixels (kept equal to its CSS line height). */
const ROW_HEIGHT = 20;

interface Props {
  text: string;
  /** The accessible name of the text. */
  label: string;
}

/**
 * Text of any length drawn at a bounded cost: the first 2,000 characters, wrapped, and a
 * "Show all" that lists the whole text in rows of at most 120 characters, drawing only the
 * rows in view. A 10 MB message costs what a short one does.
 */
export function BoundedText({ text, label }: Props) {
  const [showAll, setShowAll] = useState(false);
  if (text.length <= CLIP_AT) {
    return (
      <pre className="bounded-text" aria-label={label} tabIndex={0}>
        {text}
      </pre>
    );
  }
  if (showAll) return <TextRows text={text} label={label} />;
  const { shown, hidden } = clipText(text, CLIP_AT);
  return (
    <div>
      <pre className="bounded-text" aria-label={label} tabIndex={0}>
        {shown}…
      </pre>
      <button
        type="button"
        onClick={() => {
          setShowAll(true);
        }}
      >
        Show all ({hidden.toLocaleString('en')} more characters)
      </button>
    </div>
  );
}

function TextRows({ text, label }: Props) {
  const rows = useMemo(() => splitIntoRows(text), [text]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 400, height: 400 },
  });
  return (
    <div ref={scrollRef} className="bounded-rows" role="region" aria-label={label} tabIndex={0}>
      <div style={{ height: `${String(virtualizer.getTotalSize())}px`, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <div
              key={item.key}
              className="bounded-row"
              style={{ transform: `translateY(${String(item.start)}px)` }}
            >
              {text.slice(row.start, row.end)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
