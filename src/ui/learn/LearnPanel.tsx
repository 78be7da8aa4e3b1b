import { lazy, Suspense, useState } from 'react';

/** The guided tour is a separate chunk, fetched only when someone opens it. */
const Tour = lazy(() => import('../tour/Tour.tsx'));

/** "Learn": opens the guided tour of the eight lionherd notebook sections on demand. */
export function LearnPanel() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="row">
        <p className="muted learn-intro">
          Walk the eight sections of the lionherd Event notebook — construction, lifecycle, success
          vs failure, timeout, idempotency, fresh retry, aggregate errors, Unset vs null — each run
          live in this page.
        </p>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open);
          }}
        >
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
