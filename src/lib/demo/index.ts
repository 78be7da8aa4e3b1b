/**
 * Demo events: the lionherd notebook's seven, plus events that reach the other statuses,
 * report progress and fail at random. Framework-agnostic, shared by tests and the dashboard.
 */
export { ConditionalEvent, type ConditionalEventInit } from './conditionalEvent';
export { CountingEvent } from './countingEvent';
export { FailingEvent, type FailingEventInit } from './failingEvent';
export { FlakyEvent, type FlakyErrorKind, type FlakyEventInit } from './flakyEvent';
export { GuardedEvent, type GuardedEventInit } from './guardedEvent';
export {
  demoEndpointUrl,
  HttpEvent,
  type DemoEndpointParams,
  type FetchFunction,
  type HttpEventInit,
  type HttpResult,
} from './httpEvent';
export { MultiErrorEvent } from './multiErrorEvent';
export { NullEvent } from './nullEvent';
export { ProgressReportingEvent, type ProgressReportingEventInit } from './progressReportingEvent';
export { KeyError, ValueError } from './pythonErrors';
export { SimpleEvent, type SimpleEventInit } from './simpleEvent';
export { burstSeed, seededRandom } from './seededRandom';
export { sleep } from './sleep';
export { SlowEvent, type SlowEventInit } from './slowEvent';
export { StatusTrackingEvent, type StatusTrackingEventInit } from './statusTrackingEvent';
