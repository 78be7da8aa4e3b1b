import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { createPortal } from 'react-dom';
import type { Event } from '../lib/event.ts';
import type { PanelEntry } from './describeEvent.ts';
import { createEventFeed, DEFAULT_MAX_EVENTS } from './eventFeed.ts';
import { adoptPanelStyles } from './panelStyles.ts';
import { PanelView, type PanelPosition } from './PanelView.tsx';

export interface LifecyclePanelProps {
  /** Open the panel on mount (default `false`: only the toggle shows). */
  initialIsOpen?: boolean;
  /** The corner of the viewport for the toggle and the panel (default `'bottom-right'`). */
  position?: PanelPosition;
  /**
   * The most events kept, default {@link DEFAULT_MAX_EVENTS}; the oldest are dropped and
   * counted. Read when the panel mounts.
   */
  maxEvents?: number;
  /**
   * Which events to list, asked once per event as it is created (its class and `metadata`
   * are set, a subclass's own fields not yet). The latest function given is used.
   */
  filter?: (event: Event) => boolean;
}

/**
 * A floating panel listing the events this page creates while it is mounted: status, duration,
 * error and retryable verdict, `toDict()`, and "Retry fresh" (`asFreshEvent({ copyMeta: true })`
 * then `invoke()`) for failed and cancelled events.
 * Mount it once, near the root of your app; unmounting it stops all watching.
 *
 * ```tsx
 * import { LifecyclePanel } from 'lifecycle-lab-core/panel';
 *
 * <App />
 * <LifecyclePanel initialIsOpen={false} position="bottom-left" maxEvents={100} />
 * ```
 */
export function LifecyclePanel({
  initialIsOpen = false,
  position = 'bottom-right',
  maxEvents = DEFAULT_MAX_EVENTS,
  filter,
}: LifecyclePanelProps) {
  const [feed] = useState(() => createEventFeed({ maxEvents, filter }));
  // A layout effect runs before the feed's subscription (a passive effect) starts watching.
  useLayoutEffect(() => {
    feed.setFilter(filter);
  }, [feed, filter]);
  const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot, feed.getSnapshot);
  const [open, setOpen] = useState(initialIsOpen);
  const [shadowRoot, setShadowRoot] = useState<ShadowRoot | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const regionRef = useRef<HTMLElement>(null);
  const focusOnOpen = useRef(false);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    // Kept across a remount of the same host (StrictMode runs effects twice).
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    adoptPanelStyles(root);
    setShadowRoot(root);
  }, []);

  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    focusOnOpen.current = false;
    regionRef.current?.focus();
  }, [open]);

  const onOpenChange = useCallback((next: boolean) => {
    focusOnOpen.current = next;
    setOpen(next);
  }, []);
  const onRetry = useCallback((entry: PanelEntry) => {
    // Metadata copied, so the fresh attempt keeps its label (`metadata.original` points back).
    // invoke() never rejects; the fresh event shows up in the list through the creation hook.
    void entry.event.asFreshEvent({ copyMeta: true }).invoke();
  }, []);

  return (
    <div ref={hostRef} data-lifecycle-panel="">
      {shadowRoot !== null &&
        createPortal(
          <PanelView
            snapshot={snapshot}
            open={open}
            position={position}
            onOpenChange={onOpenChange}
            onClear={feed.clear}
            onRetry={onRetry}
            toggleRef={toggleRef}
            regionRef={regionRef}
          />,
          shadowRoot,
        )}
    </div>
  );
}
