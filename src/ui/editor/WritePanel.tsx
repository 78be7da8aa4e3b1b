import { lazy, Suspense } from 'react';

/** The editor and CodeMirror are a separate chunk, fetched only when someone opens it. */
const EventEditor = lazy(() => import('./EventEditor.tsx'));

interface Props {
  open: boolean;
  onToggle: () => void;
}

/** "Write your own event": opens the code editor on demand, in a widened drawer. */
export function WritePanel({ open, onToggle }: Props) {
  return (
    <>
      <div className="learn-row">
        <p className="muted learn-intro">
          Write an event's <code>_invoke</code> in JavaScript or TypeScript and run it in a sandbox.
        </p>
        <button type="button" aria-expanded={open} onClick={onToggle}>
          {open ? 'Close the editor' : 'Open the editor'}
        </button>
      </div>
      {open ? (
        <Suspense fallback={<p className="muted">Loading the editor…</p>}>
          <EventEditor />
        </Suspense>
      ) : null}
    </>
  );
}
