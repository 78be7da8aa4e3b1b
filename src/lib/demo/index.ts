/**
 * Demo events: the lionherd notebook's seven, plus events that reach the other statuses,
 * report progress and fail at random. Framework-agnostic, shared by tests and the dashboard.
 */
export { ConditionalEvent, type ConditionalEventInit } from './conditionalEvent.ts';
export { CountingEvent } from './countingEvent.ts';
export { FailingEvent, type FailingEventInit } from './failingEvent.ts';
export { FlakyEvent, type FlakyErrorKind, type FlakyEventInit } from './flakyEvent.ts';
export { GuardedEvent, type GuardedEventInit } from './guardedEvent.ts';
export {
  demoEndpointUrl,
  HttpEvent,
  type DemoEndpointParams,
  type FetchFunction,
  type HttpEventInit,
  type HttpResult,
} from './httpEvent.ts';
export { MultiErrorEvent } from './multiErrorEvent.ts';
export { NullEvent } from './nullEvent.ts';
export {
  ProgressReportingEvent,
  type ProgressReportingEventInit,
} from './progressReportingEvent.ts';
export { KeyError, ValueError } from './pythonErrors.ts';
export { SimpleEvent, type SimpleEventInit } from './simpleEvent.ts';
export { burstSeed, seededRandom } from './seededRandom.ts';
export { sleep } from './sleep.ts';
export { SlowEvent, type SlowEventInit } from './slowEvent.ts';
export { StatusTrackingEvent, type StatusTrackingEventInit } from './statusTrackingEvent.ts';
