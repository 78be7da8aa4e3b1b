import { useId, type KeyboardEvent, type RefObject } from 'react';
import type { PanelEntry } from './describeEvent.ts';
import type { FeedSnapshot } from './eventFeed.ts';
import { PanelRow } from './PanelRow.tsx';

/** Which corner of the viewport the toggle sits in; the panel opens beside it. */
export type PanelPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

export interface PanelViewProps {
  snapshot: FeedSnapshot;
  open: boolean;
  position: PanelPosition;
  onOpenChange: (open: boolean) => void;
  onClear: () => void;
  onRetry: (entry: PanelEntry) => void;
  /** Where focus returns when the panel is closed from the keyboard. */
  toggleRef?: RefObject<HTMLButtonElement | null>;
  /** Focused when the panel opens, so the keyboard lands in it. */
  regionRef?: RefObject<HTMLElement | null>;
}

const plural = (count: number, word: string): string =>
  `${String(count)} ${word}${count === 1 ? '' : 's'}`;

/** The toggle button and, when open, the panel: pure, so it renders the same on a server. */
export function PanelView({
  snapshot,
  open,
  position,
  onOpenChange,
  onClear,
  onRetry,
  toggleRef,
  regionRef,
}: PanelViewProps) {
  const regionId = useId();
  const headingId = useId();
  const { entries, dropped } = snapshot;
  const closeOnEscape = (keyboardEvent: KeyboardEvent): void => {
    if (keyboardEvent.key !== 'Escape') return;
    keyboardEvent.stopPropagation();
    onOpenChange(false);
    toggleRef?.current?.focus();
  };
  return (
    <div className={`llp-root llp-${position}`}>
      <button
        ref={toggleRef}
        type="button"
        className="llp-toggle"
        aria-expanded={open}
        aria-controls={open ? regionId : undefined}
        onClick={() => {
          onOpenChange(!open);
        }}
      >
        Lifecycle events <span className="llp-count">{entries.length}</span>
      </button>
      {open && (
        <section
          ref={regionRef}
          id={regionId}
          className="llp-panel"
          aria-labelledby={headingId}
          tabIndex={-1}
          onKeyDown={closeOnEscape}
        >
          <header className="llp-header">
            <h2 id={headingId}>Lifecycle events</h2>
            <button
              type="button"
              onClick={onClear}
              disabled={entries.length === 0 && dropped === 0}
            >
              Clear
            </button>
            <button
              type="button"
              onClick={() => {
                onOpenChange(false);
                toggleRef?.current?.focus();
              }}
            >
              Close
            </button>
          </header>
          <p className="llp-summary">
            {plural(entries.length, 'event') +
              (dropped > 0 ? `, ${plural(dropped, 'older event')} dropped` : '')}
          </p>
          {entries.length === 0 ? (
            <p className="llp-empty">No events created since the panel was mounted.</p>
          ) : (
            // role="list": list styles are reset below, and some screen readers then drop the
            // list semantics of a plain <ul>.
            <ul className="llp-list" role="list" aria-label="Events, newest first">
              {entries.map((entry) => (
                <PanelRow key={entry.id} entry={entry} onRetry={onRetry} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
