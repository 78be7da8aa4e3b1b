import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fixedWindow,
  rowSlots,
  sameRowsInView,
  scrollToShow,
  type RowWindow,
} from './fixedWindow.ts';

export interface FixedWindow extends RowWindow {
  /** Pass as the scrolling element's `ref`. */
  setScrollElement: (element: HTMLElement | null) => void;
  /** The height of every row together, px. */
  totalHeight: number;
  /** Scrolls the least that shows row `index` whole; does nothing when it is in view. */
  scrollToIndex: (index: number) => void;
  /** The most rows drawn at once for this view (`rowSlots`): key row `p` as `p % slots`. */
  slots: number;
}

/**
 * The rows of a fixed-height list to draw in its scrolling element (see `fixedWindow`). The
 * component re-renders when the first row in view or the view's height changes, not on every
 * scroll event, and a change of `count` costs no pass over the rows.
 */
export function useFixedWindow(options: {
  count: number;
  rowHeight: number;
  overscan: number;
  /** The view's height until the element is measured. */
  initialHeight: number;
}): FixedWindow {
  const { count, rowHeight, overscan } = options;
  const [element, setElement] = useState<HTMLElement | null>(null);
  const elementRef = useRef<HTMLElement | null>(null);
  const setScrollElement = useCallback((next: HTMLElement | null) => {
    elementRef.current = next;
    setElement(next);
  }, []);
  // The scroll position as last rendered (kept while the same rows are in view) and the
  // view's height: what the window depends on.
  const [renderedTop, setRenderedTop] = useState(0);
  const [viewport, setViewport] = useState(options.initialHeight);
  const scrollTop = useRef(0);
  const viewportRef = useRef(viewport);

  /** Takes a new scroll position; renders again only when other rows come into view. */
  const moved = useCallback(
    (top: number) => {
      scrollTop.current = top;
      setRenderedTop((rendered) =>
        sameRowsInView(rendered, top, viewportRef.current, rowHeight) ? rendered : top,
      );
    },
    [rowHeight],
  );

  useEffect(() => {
    if (element === null) return;
    const onScroll = (): void => {
      moved(element.scrollTop);
    };
    const resized = new ResizeObserver(() => {
      viewportRef.current = element.clientHeight;
      setViewport(element.clientHeight);
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    resized.observe(element);
    // A new scrolling element starts at the top. Reading its `scrollTop` here would make the
    // browser lay out the page at once, in the middle of the commit that mounted the list.
    moved(0);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resized.disconnect();
    };
  }, [element, moved]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const scroller = elementRef.current;
      if (scroller === null || index < 0) return;
      // From what the scroll and resize listeners kept: reading the element's geometry here
      // would make the browser lay the page out at once.
      const target = scrollToShow(index, scrollTop.current, viewportRef.current, rowHeight);
      if (target === null) return;
      scroller.scrollTop = target;
      moved(target);
    },
    [rowHeight, moved],
  );

  const rows = fixedWindow(renderedTop, viewport, rowHeight, count, overscan);
  return {
    ...rows,
    setScrollElement,
    totalHeight: count * rowHeight,
    scrollToIndex,
    slots: rowSlots(viewport, rowHeight, overscan),
  };
}
