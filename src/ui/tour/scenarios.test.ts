import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isLionherdError, TimeoutError, Unset } from '../../lib';
import {
  aggregateErrors,
  constructionAndInvocation,
  freshRetry,
  idempotency,
  lifecycleTransitions,
  printedValue,
  scenarios,
  successVsFailure,
  timeout,
  TOUR_STEP_IDS,
  unsetVsNull,
  type ScenarioRun,
} from './scenarios';

/** Runs a scenario to the end, letting fake time pass for the ones that wait. */
async function runToEnd(scenario: () => Promise<ScenarioRun>): Promise<ScenarioRun> {
  const running = scenario();
  await vi.runAllTimersAsync();
  return running;
}

function errorParts(value: unknown): { name: string; message: string } {
  expect(value).toBeInstanceOf(Error);
  const error = value as Error;
  return { name: error.name, message: error.message };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the tour scenarios reproduce the lionherd notebook', () => {
  it('1. a constructed event invokes to 42 and keeps it as a completed response', async () => {
    const run = await runToEnd(constructionAndInvocation);
    expect(printedValue(run, 'event.status')).toBe('pending');
    expect(printedValue(run, 'result')).toBe(42);
    expect(printedValue(run, 'event.execution.status')).toBe('completed');
    expect(printedValue(run, 'event.execution.response')).toBe(42);
    expect(printedValue(run, 'event.execution.error')).toBeNull();
    expect(printedValue(run, 'event.execution.retryable')).toBe(false);
  });

  it('2. the status moves pending → processing → completed and the response is "done"', async () => {
    const run = await runToEnd(lifecycleTransitions);
    expect(printedValue(run, 'before')).toBe('pending');
    expect(printedValue(run, 'during')).toBe('processing');
    expect(printedValue(run, 'after')).toBe('completed');
    expect(printedValue(run, 'response')).toBe('done');
    expect(printedValue(run, "event.history.map((step) => step.status).join(' → ')")).toBe(
      'pending → processing → completed',
    );
  });

  it('2. the lifecycle step waits for its 10 ms of work before it completes', async () => {
    let finished = false;
    const running = lifecycleTransitions().then((run) => {
      finished = true;
      return run;
    });
    await vi.advanceTimersByTimeAsync(9);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await running;
    expect(finished).toBe(true);
  });

  it('3. "success!" completes while the failing event ends failed with a retryable ValueError', async () => {
    const run = await runToEnd(successVsFailure);
    expect(printedValue(run, 'okResult')).toBe('success!');
    expect(printedValue(run, 'ok.execution.status')).toBe('completed');
    expect(printedValue(run, 'ok.execution.error')).toBeNull();
    expect(printedValue(run, 'badResult')).toBeUndefined();
    expect(printedValue(run, 'bad.execution.status')).toBe('failed');
    expect(printedValue(run, 'bad.execution.response')).toBe(Unset);
    expect(errorParts(printedValue(run, 'bad.execution.error'))).toEqual({
      name: 'ValueError',
      message: 'Something broke',
    });
    expect(printedValue(run, 'bad.execution.retryable')).toBe(true);
  });

  it('4. the fast event returns "fast" and the slow one is cancelled by a retryable TimeoutError', async () => {
    const run = await runToEnd(timeout);
    expect(printedValue(run, 'fast.execution.status')).toBe('completed');
    expect(printedValue(run, 'fast.execution.response')).toBe('fast');
    expect(printedValue(run, 'slow.execution.status')).toBe('cancelled');
    expect(printedValue(run, 'slow.execution.response')).toBe(Unset);
    const error = printedValue(run, 'slow.execution.error');
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isLionherdError(error) && error.toDict()).toEqual({
      error: 'TimeoutError',
      message: 'Operation timed out after 0.05s',
      retryable: true,
    });
    expect(printedValue(run, 'slow.execution.retryable')).toBe(true);
  });

  it('4. the timeout step ends after 50 ms, not after the slow event’s 5 s of work', async () => {
    let finished = false;
    const running = timeout().then((run) => {
      finished = true;
      return run;
    });
    await vi.advanceTimersByTimeAsync(49);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await running;
    expect(finished).toBe(true);
  });

  it('5. three invokes all answer "result_1" and the work runs once', async () => {
    const run = await runToEnd(idempotency);
    expect(printedValue(run, 'first')).toBe('result_1');
    expect(printedValue(run, 'second')).toBe('result_1');
    expect(printedValue(run, 'third')).toBe('result_1');
    expect(printedValue(run, 'event.callCount')).toBe(1);
  });

  it('6. the fresh retry has a new id, points back at attempt 1, and both attempts fail "Network timeout"', async () => {
    const run = await runToEnd(freshRetry);
    expect(printedValue(run, 'first.metadata.attempt')).toBe(1);
    expect(printedValue(run, 'first.execution.status')).toBe('failed');
    expect(errorParts(printedValue(run, 'first.execution.error'))).toEqual({
      name: 'ValueError',
      message: 'Network timeout',
    });
    expect(printedValue(run, 'first.execution.retryable')).toBe(true);
    expect(printedValue(run, 'retry.id !== first.id')).toBe(true);
    expect(printedValue(run, 'original.id === first.id')).toBe(true);
    expect(printedValue(run, 'retry.status')).toBe('pending');
    expect(printedValue(run, 'retry.metadata.attempt')).toBe(2);
    expect(printedValue(run, 'retry.execution.status')).toBe('failed');
    expect(errorParts(printedValue(run, 'retry.execution.error'))).toEqual({
      name: 'ValueError',
      message: 'Network timeout',
    });
    expect(printedValue(run, 'retry.metadata.original')).toEqual({
      id: printedValue(run, 'first.id'),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
  });

  it('7. the aggregate error holds ValueError, TypeError and KeyError and is retryable', async () => {
    const run = await runToEnd(aggregateErrors);
    expect(printedValue(run, 'event.execution.status')).toBe('failed');
    expect(printedValue(run, 'error')).toBeInstanceOf(AggregateError);
    expect(printedValue(run, 'error.errors.length')).toBe(3);
    expect(errorParts(printedValue(run, 'error.errors[0]'))).toEqual({
      name: 'ValueError',
      message: 'validation error',
    });
    expect(errorParts(printedValue(run, 'error.errors[1]'))).toEqual({
      name: 'TypeError',
      message: 'type mismatch',
    });
    expect(errorParts(printedValue(run, 'error.errors[2]'))).toEqual({
      name: 'KeyError',
      message: "'missing key'",
    });
    expect(printedValue(run, 'event.execution.retryable')).toBe(true);
    expect(printedValue(run, 'event.execution.toDict().error')).toEqual({
      error: 'AggregateError',
      message: 'multiple errors (3 sub-exceptions)',
      exceptions: [
        { error: 'ValueError', message: 'validation error' },
        { error: 'TypeError', message: 'type mismatch' },
        { error: 'KeyError', message: "'missing key'" },
      ],
    });
  });

  it('8. a pending response is Unset, a null result is null, and toDict writes both as null', async () => {
    const run = await runToEnd(unsetVsNull);
    expect(printedValue(run, 'pending.execution.response')).toBe(Unset);
    expect(printedValue(run, 'pending.execution.response === Unset')).toBe(true);
    expect(printedValue(run, 'done.execution.response')).toBeNull();
    expect(printedValue(run, 'done.execution.response === Unset')).toBe(false);
    expect(printedValue(run, 'pending.toDict().execution')).toEqual({
      status: 'pending',
      duration: null,
      response: null,
      error: null,
      retryable: null,
    });
    expect(printedValue(run, 'done.toDict().execution')).toEqual({
      status: 'completed',
      duration: expect.any(Number) as unknown,
      response: null,
      error: null,
      retryable: false,
    });
  });
});

describe('the scenario table', () => {
  it('has one scenario per step, each printing at least one value', async () => {
    expect(Object.keys(scenarios)).toEqual([...TOUR_STEP_IDS]);
    for (const id of TOUR_STEP_IDS) {
      const run = await runToEnd(scenarios[id]);
      expect(run.printed.length, id).toBeGreaterThan(0);
    }
  });

  it('runs each scenario with fresh events, so running a step twice prints the same values', async () => {
    const first = await runToEnd(idempotency);
    const second = await runToEnd(idempotency);
    expect(second.printed).toEqual(first.printed);
  });

  it('says which expressions were printed when asked for one that was not', async () => {
    const run = await runToEnd(idempotency);
    expect(() => printedValue(run, 'event.nothing')).toThrow(/printed: first, second/);
  });
});
