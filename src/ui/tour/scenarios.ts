/**
 * The guided tour's eight scenarios: the sections of the lionherd Event notebook, run with
 * the real event core. Each returns what it printed, as expression/value pairs, so the page
 * shows exactly what the code computed and tests can check it against the notebook's record.
 *
 * Pure TypeScript, no React. The code each step shows lives in `public/tour.json`; keep the
 * two in step (the expressions below are the names used there).
 */
import { Unset, type OriginalRef } from '../../lib';
import {
  CountingEvent,
  FailingEvent,
  MultiErrorEvent,
  SimpleEvent,
  SlowEvent,
  StatusTrackingEvent,
} from '../../lib/demo';

/** The tour's steps, in the notebook's order. */
export const TOUR_STEP_IDS = [
  'construction',
  'lifecycle',
  'success-vs-failure',
  'timeout',
  'idempotency',
  'fresh-retry',
  'aggregate-errors',
  'unset-vs-null',
] as const;

export type TourStepId = (typeof TOUR_STEP_IDS)[number];

/** One value a scenario printed: the expression, as written in the step's code, and its value. */
export interface PrintedValue {
  expression: string;
  value: unknown;
}

/** What running a scenario produced, in the order it was printed. */
export interface ScenarioRun {
  printed: PrintedValue[];
}

type Scenario = () => Promise<ScenarioRun>;

/** Records printed values the way the notebook's `print` calls did. */
function printer(): { print: (expression: string, value: unknown) => void; run: ScenarioRun } {
  const run: ScenarioRun = { printed: [] };
  return {
    run,
    print: (expression, value) => {
      run.printed.push({ expression, value });
    },
  };
}

/** 1. Construct an event and invoke it: the response comes back and is kept. */
export async function constructionAndInvocation(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const event = new SimpleEvent({ returnValue: 42 });
  print('event.status', event.status);
  const result = await event.invoke();
  print('result', result);
  print('event.execution.status', event.execution.status);
  print('event.execution.response', event.execution.response);
  print('event.execution.error', event.execution.error);
  print('event.execution.retryable', event.execution.retryable);
  return run;
}

/** 2. Watch the status move `pending → processing → completed`. Takes about 10 ms. */
export async function lifecycleTransitions(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const event = new StatusTrackingEvent({ delay: 0.01 });
  const before = event.status;
  const running = event.invoke();
  const during = event.status;
  const response = await running;
  const after = event.status;
  print('before', before);
  print('during', during);
  print('after', after);
  print('response', response);
  print(
    "event.history.map((step) => step.status).join(' → ')",
    event.history.map((step) => step.status).join(' → '),
  );
  return run;
}

/** 3. A success and a failure side by side; `invoke()` never rejects. */
export async function successVsFailure(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const ok = new SimpleEvent({ returnValue: 'success!' });
  const bad = new FailingEvent({ errorMsg: 'Something broke' });
  // The failure resolves too (to undefined): invoke() never rejects.
  const [okResult, badResult] = await Promise.all([ok.invoke(), bad.invoke()]);
  print('okResult', okResult);
  print('ok.execution.status', ok.execution.status);
  print('ok.execution.error', ok.execution.error);
  print('badResult', badResult);
  print('bad.execution.status', bad.execution.status);
  print('bad.execution.response', bad.execution.response);
  print('bad.execution.error', bad.execution.error);
  print('bad.execution.retryable', bad.execution.retryable);
  return run;
}

/** 4. Work that beats its timeout completes; work that does not is cancelled. Takes ~50 ms. */
export async function timeout(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const fast = new SlowEvent({ delay: 0.01, returnValue: 'fast', timeout: 1 });
  const slow = new SlowEvent({ delay: 5, returnValue: 'completed', timeout: 0.05 });
  await Promise.all([fast.invoke(), slow.invoke()]);
  print('fast.execution.status', fast.execution.status);
  print('fast.execution.response', fast.execution.response);
  print('slow.execution.status', slow.execution.status);
  print('slow.execution.response', slow.execution.response);
  print('slow.execution.error', slow.execution.error);
  print('slow.execution.retryable', slow.execution.retryable);
  return run;
}

/** 5. Invoking again returns the kept result; the work ran once. */
export async function idempotency(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const event = new CountingEvent();
  const first = await event.invoke();
  const second = await event.invoke();
  const third = await event.invoke();
  print('first', first);
  print('second', second);
  print('third', third);
  print('event.callCount', event.callCount);
  return run;
}

/** 6. A failed event is retried as a fresh event that points back at the original. */
export async function freshRetry(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const first = new FailingEvent({ errorMsg: 'Network timeout', metadata: { attempt: 1 } });
  await first.invoke();
  print('first.id', first.id);
  print('first.metadata.attempt', first.metadata.attempt);
  print('first.execution.status', first.execution.status);
  print('first.execution.error', first.execution.error);
  print('first.execution.retryable', first.execution.retryable);

  const retry = first.asFreshEvent({ copyMeta: true });
  retry.metadata.attempt = 2;
  const original = retry.metadata.original as OriginalRef;
  print('retry.id !== first.id', retry.id !== first.id);
  print('original.id === first.id', original.id === first.id);
  print('retry.status', retry.status);
  await retry.invoke();
  print('retry.metadata.attempt', retry.metadata.attempt);
  print('retry.execution.status', retry.execution.status);
  print('retry.execution.error', retry.execution.error);
  print('retry.metadata.original', original);
  return run;
}

/** 7. Several errors at once, as an `AggregateError`; retryable only if all of them are. */
export async function aggregateErrors(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const event = new MultiErrorEvent();
  await event.invoke();
  const error = event.execution.error as AggregateError;
  print('event.execution.status', event.execution.status);
  print('error', error);
  print('error.errors.length', error.errors.length);
  print('error.errors[0]', error.errors[0]);
  print('error.errors[1]', error.errors[1]);
  print('error.errors[2]', error.errors[2]);
  print('event.execution.retryable', event.execution.retryable);
  print('event.execution.toDict().error', event.execution.toDict().error);
  return run;
}

/** 8. `Unset` means "no value yet"; `null` is a real result. Both serialize to `null`. */
export async function unsetVsNull(): Promise<ScenarioRun> {
  const { print, run } = printer();
  const pending = new SimpleEvent({ returnValue: null });
  const done = new SimpleEvent({ returnValue: null });
  await done.invoke();
  print('pending.execution.response', pending.execution.response);
  print('pending.execution.response === Unset', pending.execution.response === Unset);
  print('done.execution.response', done.execution.response);
  print('done.execution.response === Unset', done.execution.response === Unset);
  print('pending.toDict().execution', pending.toDict().execution);
  print('done.toDict().execution', done.toDict().execution);
  return run;
}

/** Every step's scenario, by step id. */
export const scenarios: Readonly<Record<TourStepId, Scenario>> = {
  construction: constructionAndInvocation,
  lifecycle: lifecycleTransitions,
  'success-vs-failure': successVsFailure,
  timeout,
  idempotency,
  'fresh-retry': freshRetry,
  'aggregate-errors': aggregateErrors,
  'unset-vs-null': unsetVsNull,
};

/** The value printed for `expression`; throws when the run printed no such line. */
export function printedValue(run: ScenarioRun, expression: string): unknown {
  const line = run.printed.find((printed) => printed.expression === expression);
  if (line === undefined) {
    const printed = run.printed.map((printed) => printed.expression).join(', ');
    throw new Error(`Nothing was printed for "${expression}"; printed: ${printed}`);
  }
  return line.value;
}
