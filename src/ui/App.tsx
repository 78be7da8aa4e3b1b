import { lazy, Suspense } from 'react';
import { Panel } from './common/Panel.tsx';
import { KeepPanel } from './keep/KeepPanel.tsx';
import { NoticesArea } from './keep/NoticesArea.tsx';
import { LaunchPanel } from './launch/LaunchPanel.tsx';
import { LearnPanel } from './learn/LearnPanel.tsx';
import { WatchPanel } from './watch/WatchPanel.tsx';
import './app.css';

// The inspector and the diagram come in a second chunk, fetched in parallel with the first
// render, to keep the first download small.
const Inspector = lazy(() => import('./inspect/Inspector.tsx'));
const DiagramPanel = lazy(() => import('./diagram/DiagramPanel.tsx'));

/** The dashboard: launch, watch, inspect, act, keep and learn, on one page. */
export function App() {
  return (
    <>
      <a className="skip-link" href="#events-panel">
        Skip to the events
      </a>
      <header className="app-header">
        <h1>Lifecycle Lab</h1>
        <p className="tagline">Launch async events, watch their lifecycle, inspect and retry.</p>
      </header>
      <NoticesArea />
      <main className="app-main">
        <div className="stack area-launch">
          <Panel title="Launch">
            <LaunchPanel />
          </Panel>
          <Panel title="Keep">
            <KeepPanel />
          </Panel>
        </div>
        <div className="stack area-watch" id="events-panel">
          <Panel title="Events">
            <WatchPanel />
          </Panel>
          <Panel title="Lifecycle">
            <Suspense fallback={<p className="muted">Loading the diagram…</p>}>
              <DiagramPanel />
            </Suspense>
          </Panel>
        </div>
        <Panel title="Inspector" className="area-inspect">
          <Suspense fallback={<p className="muted">Loading the inspector…</p>}>
            <Inspector />
          </Suspense>
        </Panel>
        <Panel title="Learn" className="area-learn">
          <LearnPanel />
        </Panel>
      </main>
    </>
  );
}
