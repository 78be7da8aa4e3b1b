import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, startTransition, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('Lifecycle Lab: index.html has no element with id "root" to mount into.');
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});

/** Development only: the import is dropped from production builds. */
const QueryDevtools = import.meta.env.DEV
  ? lazy(() =>
      import('@tanstack/react-query-devtools').then((module) => ({
        default: module.ReactQueryDevtools,
      })),
    )
  : null;

const root = createRoot(rootElement, {
  // A view that crashed shows its own recoverable message (ErrorBoundary); log it as a warning
  // so it is visible to developers without reading as an uncaught failure.
  onCaughtError: (error, info) => {
    console.warn('A view crashed and shows a recoverable message:', error, info.componentStack);
  },
});
// As a transition, the first render yields to the browser every few milliseconds instead of
// holding the main thread for the whole dashboard at once.
startTransition(() => {
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
        {QueryDevtools ? (
          <Suspense fallback={null}>
            {/* In the page's flow below the dashboard: any corner of the screen covers a control. */}
            <QueryDevtools buttonPosition="relative" />
          </Suspense>
        ) : null}
      </QueryClientProvider>
    </StrictMode>,
  );
});
