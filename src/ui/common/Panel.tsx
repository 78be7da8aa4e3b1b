import { useId, type ReactNode } from 'react';
import { CrashProbe } from './CrashProbe.tsx';
import { faultInjectionEnabled } from './crashRequests.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

interface Props {
  /** The heading, also the region's accessible name. */
  title: string;
  className?: string;
  children: ReactNode;
}

/** A named region of the page whose crash stays inside it (see `ErrorBoundary`). */
export function Panel({ title, className, children }: Props) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`panel ${className ?? ''}`}>
      <h2 id={headingId}>{title}</h2>
      <ErrorBoundary view={title}>
        {faultInjectionEnabled ? <CrashProbe view={title} /> : null}
        {children}
      </ErrorBoundary>
    </section>
  );
}
