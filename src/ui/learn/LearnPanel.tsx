import { lazy, Suspense } from 'react';

/** The guided tour is a separate chunk, fetched only when someone opens it. */
const Tour = lazy(() => import('../tour/Tour.tsx'));

interface Props {
  open: boolean;
  onToggle: () => void;
}

/**
 * "Learn": opens the guided tour of the eight lionherd notebook sections on demand. The app
 * widens the drawer while it is open, so the tour sits beside the list and the inspector.
 */
export function LearnPanel({ open, onToggle }: Props) {
  return (
    <>
      <div className="learn-row">
        <p className="muted learn-intro">
          {open
            ? 'Each step runs live in this page with the real event core.'
            : 'New here? Walk the eight sections of the lionherd Event notebook, run live in this page.'}
        </p>
        <button type="button" aria-expanded={open} onClick={onToggle}>
          {open ? 'Close the tour' : 'Start the tour'}
        </button>
      </div>
      {open ? (
        <Suspense fallback={<p className="muted">Loading the tour…</p>}>
          <Tour />
        </Suspense>
      ) : null}
    </>
  );
}
