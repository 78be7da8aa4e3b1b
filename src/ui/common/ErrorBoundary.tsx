import { Component, type ErrorInfo, type ReactNode } from 'react';
import { clearCrashRequest } from './crashRequests.ts';

interface Props {
  /** The view's name, as people know it: "Launch", "Events", "Inspector". */
  view: string;
  children: ReactNode;
}

interface State {
  error: unknown;
}

const NO_ERROR: State = { error: undefined };

/**
 * Keeps a crash inside one view: the rest of the page keeps working and the view offers
 * "Try again". A class, because React has no hook for catching render errors.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = NO_ERROR;

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (import.meta.env.DEV) {
      console.warn(`The ${this.props.view} view crashed:`, error, info.componentStack);
    }
  }

  private readonly reset = (): void => {
    clearCrashRequest(this.props.view);
    this.setState(NO_ERROR);
  };

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <div role="alert" className="view-crash">
        <p>
          <strong>The {this.props.view} view stopped working.</strong> The rest of the page still
          works, and your events are safe.
        </p>
        <p className="muted">Reason: {describeCrash(this.state.error)}</p>
        <button type="button" onClick={this.reset}>
          Try again
        </button>
      </div>
    );
  }
}

function describeCrash(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
    return String(error).slice(0, 500);
  } catch {
    return 'unreadable error';
  }
}
