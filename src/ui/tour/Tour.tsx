import {
  QueryClient,
  QueryClientContext,
  QueryClientProvider,
  useQuery,
} from '@tanstack/react-query';
import { useContext, useEffect, useId, useState } from 'react';
import { StepNav } from './StepNav';
import { TourStepPanel } from './TourStepPanel';
import { tourContentQuery, type TourContent } from './tourContent';
import { setOpenTourStep, subscribeTourRequests, takeRequestedTourStep } from './tourRequest';
import './tour.css';

let standaloneClient: QueryClient | undefined;

/** The client the tour uses when it is rendered outside any `QueryClientProvider`. */
function getStandaloneClient(): QueryClient {
  standaloneClient ??= new QueryClient();
  return standaloneClient;
}

/**
 * "Learn": a guided tour of the eight sections of the lionherd Event notebook. Each step
 * shows its TypeScript, runs it in the page with the real event core, and shows what it
 * printed.
 *
 * Uses the surrounding `QueryClientProvider` when there is one and brings its own otherwise,
 * so it also works on its own.
 *
 * Its headings start at `h3`: it sits under the host's `h2` (the app's "Learn" panel).
 *
 * ```tsx
 * const Tour = lazy(() => import('./tour/Tour'));
 * <Suspense fallback={null}><Tour /></Suspense>
 * ```
 */
export function Tour() {
  const client = useContext(QueryClientContext);
  if (client !== undefined) return <TourLoader />;
  return (
    <QueryClientProvider client={getStandaloneClient()}>
      <TourLoader />
    </QueryClientProvider>
  );
}

export default Tour;

function TourLoader() {
  const content = useQuery(tourContentQuery);
  if (content.isPending) {
    return (
      <p className="tour tour-message" role="status">
        Loading the tour…
      </p>
    );
  }
  if (content.isError) {
    return (
      <p className="tour tour-message" role="alert">
        {content.error.message}
      </p>
    );
  }
  return <TourStepper content={content.data} />;
}

function TourStepper({ content }: { content: TourContent }) {
  const { steps } = content;
  const clamp = (step: number | null): number => Math.min(Math.max(step ?? 0, 0), steps.length - 1);
  const [index, setIndex] = useState(() => clamp(takeRequestedTourStep()));
  const titleId = useId();
  // A lesson link opened while the tour is open moves it to the step the link names.
  useEffect(
    () =>
      subscribeTourRequests(() => {
        const step = takeRequestedTourStep();
        if (step !== null) setIndex(clamp(step));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `clamp` depends on steps only
    [steps],
  );
  useEffect(() => {
    setOpenTourStep(index);
    return () => {
      setOpenTourStep(null);
    };
  }, [index]);
  const step = steps[index];
  if (step === undefined) return null;
  const isFirst = index === 0;
  const isLast = index === steps.length - 1;

  return (
    <section className="tour" aria-labelledby={titleId}>
      <h3 id={titleId} className="tour-title">
        {content.title}
      </h3>
      <p className="tour-intro">{content.intro}</p>
      <div className="tour-layout">
        <StepNav steps={steps} currentIndex={index} onSelect={setIndex} />
        <div className="tour-main">
          {/* aria-disabled, not disabled: Next pressed on the second-last step must keep the
              focus, which a disabled button would drop onto the page's body. */}
          <div className="tour-pager">
            <button
              type="button"
              aria-disabled={isFirst ? true : undefined}
              onClick={() => {
                if (!isFirst) setIndex(index - 1);
              }}
            >
              Previous
            </button>
            <button
              type="button"
              aria-disabled={isLast ? true : undefined}
              onClick={() => {
                if (!isLast) setIndex(index + 1);
              }}
            >
              Next
            </button>
          </div>
          <TourStepPanel key={step.id} step={step} />
        </div>
      </div>
    </section>
  );
}
