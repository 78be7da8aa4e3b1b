import { lazy, Suspense, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useEventStore } from '../store';
import { Panel } from './common/Panel.tsx';
import { storeActions } from './common/storeActions.ts';
import { NoticesArea } from './keep/NoticesArea.tsx';
import { LaunchPanel } from './launch/LaunchPanel.tsx';
import { HeaderControlsPlaceholder } from './layout/HeaderControlsPlaceholder.tsx';
import { Splitter } from './layout/Splitter.tsx';
import { useCloseSheetOnEscape } from './layout/useCloseSheetOnEscape.ts';
import { useEventDeepLink } from './layout/useEventDeepLink.ts';
import { useSheetFocus } from './layout/useSheetFocus.ts';
import { useStoredNumber } from './layout/useStoredNumber.ts';
import { LearnPanel } from './learn/LearnPanel.tsx';
import { WritePanel } from './editor/WritePanel.tsx';
import { WatchPanel } from './watch/WatchPanel.tsx';
import { useLessonLink } from './lesson/useLessonLink.ts';
import { subscribeTourRequests } from './tour/tourRequest.ts';
import './app.css';

// The inspector and the diagram come in a second chunk, fetched in parallel with the first
// render, to keep the first download small.
const Inspector = lazy(() => import('./inspect/Inspector.tsx'));
const DiagramPanel = lazy(() => import('./diagram/DiagramPanel.tsx'));
// Keep (export, import, drop a file on the page) and Sources (and the link to a receiver it
// opens) follow the same way: they sit below Launch in the drawer.
const KeepPanel = lazy(() =>
  import('./keep/KeepPanel.tsx').then((module) => ({ default: module.KeepPanel })),
);
// The clock control (and the lesson clock it may start) is a small chunk of its own.
const ClockControl = lazy(() => import('./clock/ClockControl.tsx'));
const SourcesPanel = lazy(() =>
  import('./sources/SourcesPanel.tsx').then((module) => ({ default: module.SourcesPanel })),
);
// So does the keyboard shortcuts' button and dialog, which nobody needs in the first frame.
const ShortcutsHelp = lazy(() =>
  import('./layout/ShortcutsHelp.tsx').then((module) => ({ default: module.ShortcutsHelp })),
);

const INSPECTOR_WIDTH = { key: 'lifecycle-lab:inspector-width', initial: 560, min: 360, max: 900 };

/**
 * The dashboard. On wide screens: a launch drawer on the left, and the event list beside the
 * inspector (with the diagram on top of it) as the main stage, split by a draggable divider.
 * On narrow screens: one column, with the inspector as a sheet over the list while an event
 * is selected.
 */
export function App() {
  const hasSelection = useEventStore((state) => state.selectedId !== null);
  const [tourOpen, setTourOpen] = useState(false);
  const [editorOpen, setEditorOpen] = useState(false);
  useEventDeepLink();
  useLessonLink();
  // A lesson link that names a tour step opens the tour.
  useEffect(
    () =>
      subscribeTourRequests(() => {
        setTourOpen(true);
      }),
    [],
  );
  useCloseSheetOnEscape();
  const sheetClose = useRef<HTMLButtonElement>(null);
  useSheetFocus(hasSelection, sheetClose);
  const [inspectorWidth, setInspectorWidth] = useStoredNumber(
    INSPECTOR_WIDTH.key,
    INSPECTOR_WIDTH.initial,
    INSPECTOR_WIDTH.min,
    INSPECTOR_WIDTH.max,
  );
  const mainClass = [
    'app-main',
    hasSelection ? 'has-selection' : '',
    // Both widen the drawer; only the tour covers the page on a narrow screen.
    tourOpen ? 'tour-open' : editorOpen ? 'editor-open' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="app">
      <a className="skip-link" href="#events-panel">
        Skip to the events
      </a>
      <header className="app-header">
        <h1>Lifecycle Lab</h1>
        <p className="tagline">Launch async events, watch their lifecycle, inspect and retry.</p>
        <Suspense fallback={<HeaderControlsPlaceholder />}>
          <ClockControl />
          <ShortcutsHelp />
        </Suspense>
      </header>
      <NoticesArea />
      <main
        className={mainClass}
        style={{ '--inspector-width': `${String(inspectorWidth)}px` } as CSSProperties}
      >
        <div className="drawer area-launch">
          <Panel title="Learn" className="area-learn">
            <LearnPanel
              open={tourOpen}
              onToggle={() => {
                setTourOpen(!tourOpen);
              }}
            />
          </Panel>
          <Panel title="Write your own event">
            <WritePanel
              open={editorOpen}
              onToggle={() => {
                setEditorOpen(!editorOpen);
              }}
            />
          </Panel>
          <Panel title="Launch">
            <LaunchPanel />
          </Panel>
          <Panel title="Keep" className="keep-region">
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <KeepPanel />
            </Suspense>
          </Panel>
          <Panel title="Sources">
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <SourcesPanel />
            </Suspense>
          </Panel>
        </div>
        <div className="stage-list area-watch" id="events-panel">
          <Panel title="Events" className="events-panel">
            <WatchPanel />
          </Panel>
        </div>
        <Splitter
          label="Resize the inspector"
          value={inspectorWidth}
          min={INSPECTOR_WIDTH.min}
          max={INSPECTOR_WIDTH.max}
          onChange={setInspectorWidth}
        />
        <div className="stage-detail area-inspect">
          <button
            ref={sheetClose}
            type="button"
            className="sheet-close"
            onClick={() => {
              storeActions().select(null);
            }}
          >
            <span aria-hidden="true">‹ </span>Back to the list
          </button>
          <Panel title="Lifecycle" className="diagram-panel">
            <Suspense
              fallback={<p className="muted diagram-placeholder">Loading the lifecycle diagram…</p>}
            >
              <DiagramPanel />
            </Suspense>
          </Panel>
          <Panel title="Inspector">
            <Suspense fallback={<p className="muted">Loading the inspector…</p>}>
              <Inspector />
            </Suspense>
          </Panel>
        </div>
      </main>
    </div>
  );
}
