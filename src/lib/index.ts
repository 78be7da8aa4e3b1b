/**
 * Lifecycle Lab's event core: async work as events with an observable lifecycle.
 * Framework-agnostic; runs unchanged in browsers and in Node.
 */
export { systemClock, type Clock } from './clock.ts';
export {
  createLessonClock,
  LESSON_SPEED_MAX,
  LESSON_SPEED_MIN,
  type LessonClock,
  type LessonClockOptions,
} from './lessonClock.ts';
export { systemScheduler, type Scheduler, type TimerHandle } from './scheduler.ts';
export { configureEvents, eventDefaults, type EventDefaults } from './config.ts';
export { watchEventCreation, type CreationListener } from './creation.ts';
export {
  Event,
  type EventDict,
  type EventInit,
  type EventNotification,
  type EventSubscriber,
  type FreshEventOptions,
  type InvokeContext,
  type OriginalRef,
  type Transition,
} from './event.ts';
export { Execution, type ExecutionDict } from './execution.ts';
export {
  createEvent,
  FunctionEvent,
  type EventWork,
  type FunctionEventInit,
} from './functionEvent.ts';
export { explainRetryable, isRetryable, type RetryVerdict } from './retryable.ts';
export {
  delayBefore,
  runWithRetry,
  type AttemptInfo,
  type FailedAttemptInfo,
  type RetryOptions,
  type RetryOutcome,
  type RetryResult,
} from './retry.ts';
export {
  ALLOWED_TRANSITIONS,
  EVENT_STATUSES,
  EventStatus,
  isAllowedTransition,
  isEventStatus,
  isTerminalStatus,
  TERMINAL_STATUSES,
} from './status.ts';
export { isUnset, Unset, type MaybeUnset, type UnsetType } from './unset.ts';
export {
  MAX_DETAILS_LENGTH,
  MAX_ERROR_DEPTH,
  MAX_ERROR_NODES,
  MAX_MESSAGE_LENGTH,
  MAX_SERIALIZED_ERROR_LENGTH,
  serializeError,
  type ErrorDict,
} from './serialize/serializeError.ts';
export { toJsonSafe, UNSERIALIZABLE, type JsonValue } from './serialize/toJsonSafe.ts';
export { describeValue } from './serialize/describeValue.ts';
export { CancellationError } from './errors/cancellationError.ts';
export { ConfigurationError } from './errors/configurationError.ts';
export { ConnectionError } from './errors/connectionError.ts';
export { ExecutionError } from './errors/executionError.ts';
export { ExistsError } from './errors/existsError.ts';
export {
  isLionherdError,
  LionherdError,
  type LionherdErrorDict,
  type LionherdErrorOptions,
} from './errors/lionherdError.ts';
export { NotFoundError } from './errors/notFoundError.ts';
export { QueueFullError } from './errors/queueFullError.ts';
export { TimeoutError } from './errors/timeoutError.ts';
export { ValidationError } from './errors/validationError.ts';
