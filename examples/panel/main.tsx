/**
 * A small app that creates events and mounts the in-app panel, as a user's own app would:
 * `npm start`, then open http://127.0.0.1:5173/examples/panel/. Played by e2e/dev/panel.spec.ts.
 */
import { lazy, StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionError } from '../../src/lib/errors/connectionError';
import { createEvent } from '../../src/lib/functionEvent';

// In an app: `import('lifecycle-lab-core/panel')`. Loaded lazily and only in development, so a
// production bundle carries none of it.
const LifecyclePanel = import.meta.env.DEV
  ? lazy(() => import('../../src/panel').then((module) => ({ default: module.LifecyclePanel })))
  : () => null;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
    });
  });

/** The card network is down for every other charge: the first fails, its fresh retry passes. */
let charges = 0;

const actions = {
  'Load cart': () =>
    createEvent(
      async ({ signal }) => {
        await sleep(20, signal);
        return { items: 3 };
      },
      { metadata: { label: 'load cart' } },
    ),
  'Charge card': () =>
    createEvent(
      () => {
        charges += 1;
        if (charges % 2 === 1) throw new ConnectionError('card network unreachable');
        return { charged: 42 };
      },
      { metadata: { label: 'charge card' } },
    ),
  'Load 120 recommendations': () =>
    Array.from({ length: 120 }, (_, index) =>
      createEvent(() => index, { metadata: { label: `recommendation ${String(index)}` } }),
    ),
};

function Checkout() {
  const [showPanel, setShowPanel] = useState(true);
  return (
    <main>
      <h1>Checkout</h1>
      {Object.entries(actions).map(([name, make]) => (
        <button
          key={name}
          type="button"
          onClick={() => {
            for (const event of [make()].flat()) void event.invoke();
          }}
        >
          {name}
        </button>
      ))}
      <label>
        <input
          type="checkbox"
          checked={showPanel}
          onChange={(change) => {
            setShowPanel(change.target.checked);
          }}
        />
        Show the Lifecycle Lab panel
      </label>
      {showPanel && (
        <Suspense fallback={null}>
          <LifecyclePanel position="bottom-right" maxEvents={50} />
        </Suspense>
      )}
    </main>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('examples/panel/index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Checkout />
  </StrictMode>,
);
