/**
 * Lifecycle Lab's event core: async work as events with an observable lifecycle.
 * Framework-agnostic; runs unchanged in browsers and in Node.
 */
export { systemClock, type Clock } from './clock';
export {
  createLessonClock,
  LESSON_SPEED_MAX,
  LESSON_SPEED_MIN,
  type LessonClock,
  type LessonClockOptions,
} from './lessonClock';
export { systemScheduler, type Scheduler, type TimerHandle } from './scheduler';
export { configureEvents, eventDefaults, type EventDefaults } from './config';
export { watchEventCreation, type CreationListener } from './creation';
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
} from './event';
export { Execution, type ExecutionDict } from './execution';
export {
  createEvent,
  FunctionEvent,
  type EventWork,
  type FunctionEventInit,
} from './functionEvent';
export { explainRetryable, isRetryable, type RetryVerdict } from './retryable';
export {
  delayBefore,
  runWithRetry,
  type AttemptInfo,
  type FailedAttemptInfo,
  type RetryOptions,
  type RetryOutcome,
  type RetryResult,
} from './retry';
export {
  ALLOWED_TRANSITIONS,
  EVENT_STATUSES,
  EventStatus,
  isAllowedTransition,
  isEventStatus,
  isTerminalStatus,
  TERMINAL_STATUSES,
} from './status';
export { isUnset, Unset, type MaybeUnset, type UnsetType } from './unset';
export {
  MAX_DETAILS_LENGTH,
  MAX_ERROR_DEPTH,
  MAX_ERROR_NODES,
  MAX_MESSAGE_LENGTH,
  MAX_SERIALIZED_ERROR_LENGTH,
  serializeError,
  type ErrorDict,
} from './serialize/serializeError';
export { toJsonSafe, UNSERIALIZABLE, type JsonValue } from './serialize/toJsonSafe';
export { describeValue } from './serialize/describeValue';
export { CancellationError } from './errors/cancellationError';
export { ConfigurationError } from './errors/configurationError';
export { ConnectionError } from './errors/connectionError';
export { ExecutionError } from './errors/executionError';
export { ExistsError } from './errors/existsError';
export {
  isLionherdError,
  LionherdError,
  type LionherdErrorDict,
  type LionherdErrorOptions,
} from './errors/lionherdError';
export { NotFoundError } from './errors/notFoundError';
export { QueueFullError } from './errors/queueFullError';
export { TimeoutError } from './errors/timeoutError';
export { ValidationError } from './errors/validationError';
