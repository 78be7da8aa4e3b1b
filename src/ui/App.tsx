import { Panel } from './common/Panel.tsx';
import { DiagramPanel } from './diagram/DiagramPanel.tsx';
import { Inspector } from './inspect/Inspector.tsx';
import { KeepPanel } from './keep/KeepPanel.tsx';
import { NoticesArea } from './keep/NoticesArea.tsx';
import { LaunchPanel } from './launch/LaunchPanel.tsx';
import { LearnPanel } from './learn/LearnPanel.tsx';
import { WatchPanel } from './watch/WatchPanel.tsx';
import './app.css';

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
            <DiagramPanel />
          </Panel>
        </div>
        <Panel title="Inspector" className="area-inspect">
          <Inspector />
        </Panel>
        <Panel title="Learn" className="area-learn">
          <LearnPanel />
        </Panel>
      </main>
    </>
  );
}
