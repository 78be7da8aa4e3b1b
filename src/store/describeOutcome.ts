import { EventStatus, explainRetryable, type Event, type RetryResult } from '../lib';

/** Why a retry run ended, in words. */
export function describeOutcome(result: RetryResult<Event>, maxAttempts: number): string {
  const { last, outcome, attempts } = result;
  const tried = `${attempts.length} of ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}`;
  switch (outcome) {
    case 'completed':
      return `completed on attempt ${attempts.length} of ${maxAttempts}`;
    case 'aborted':
      return `stopped: the retry run was stopped after ${tried}`;
    case 'exhausted': {
      const verdict = explainRetryable(last.execution.error);
      return `stopped: gave up after ${tried} (the last ended ${last.status}; ${verdict.reason})`;
    }
    case 'not-retryable': {
      const { status } = last;
      if (status === EventStatus.FAILED || status === EventStatus.CANCELLED) {
        const verdict = explainRetryable(last.execution.error);
        if (!verdict.retryable) return `stopped: ${verdict.reason}`;
      }
      return `stopped: attempt ${attempts.length} ended ${status}, which is not retryable`;
    }
  }
}
