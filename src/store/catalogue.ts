import type { Event, EventInit, JsonValue } from '../lib';
import {
  ConditionalEvent,
  CountingEvent,
  FailingEvent,
  FlakyEvent,
  GuardedEvent,
  demoEndpointUrl,
  HttpEvent,
  MultiErrorEvent,
  NullEvent,
  ProgressReportingEvent,
  SimpleEvent,
  SlowEvent,
  StatusTrackingEvent,
} from '../lib/demo';
import { z } from './zod';

/** One input of a kind's launch form. */
export interface FieldSpec {
  /** Key in the params object. */
  name: string;
  label: string;
  type: 'number' | 'text' | 'boolean' | 'select';
  /** What the form starts with; `null` for an optional field left empty. */
  defaultValue: JsonValue;
  /** For `select`: the values to choose from. */
  options?: readonly { value: string; label: string }[];
  /** Shown after the input, e.g. `s` for seconds. */
  unit?: string;
  /** One short sentence under the input. */
  help?: string;
  /** For `number`: bounds and step, for the input's attributes. */
  min?: number;
  max?: number;
  step?: number;
  /** `true` when the field may be left empty. */
  optional?: boolean;
}

/** What a kind's `create` receives besides its params. */
export type DemoInit = EventInit & {
  /** Randomness for kinds that need it (the flaky event), `[0, 1)`. */
  random?: () => number;
};

/** Validated launch parameters: plain JSON, as kept in the record. */
export type DemoParams = Record<string, JsonValue>;

/** A demo event the dashboard can launch. */
export interface DemoKind {
  readonly kind: string;
  readonly label: string;
  readonly fields: readonly FieldSpec[];
  /**
   * Validates and normalises form values: numbers may come as strings, empty optional fields
   * become `null`, missing fields take their defaults. Messages name the field.
   */
  readonly schema: z.ZodMiniType<DemoParams>;
  /** Builds the event. `params` is checked with `schema` again, so it cannot be wrong. */
  create(params: unknown, init?: DemoInit): Event;
}

/**
 * Declares a kind. The params type flows from the schema into `create`, and the returned
 * `create` parses its params first, so callers need no casts.
 */
function defineKind<S extends z.ZodMiniType<DemoParams>>(definition: {
  kind: string;
  label: string;
  fields: readonly FieldSpec[];
  schema: S;
  create: (params: z.output<S>, init: DemoInit) => Event;
}): DemoKind {
  return {
    kind: definition.kind,
    label: definition.label,
    fields: definition.fields,
    schema: definition.schema,
    create: (params, init = {}) => definition.create(definition.schema.parse(params ?? {}), init),
  };
}

// ---- field schemas ---------------------------------------------------------------------

/** Form inputs give strings; an empty one means "not set". Anything not numeric is kept as is. */
function toNumberish(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    const number = Number(text);
    return Number.isNaN(number) ? value : number;
  }
  return value;
}

function toBooleanish(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value ?? undefined;
}

interface NumberRule {
  min?: number;
  /** `min` itself is not allowed. */
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
  unit?: string;
}

/** A number field, with messages that say what is expected in the field's own words. */
function numberSchema(noun: string, rule: NumberRule): z.ZodMiniNumber<number> {
  const unit = rule.unit === 's' ? ' seconds' : '';
  const checks: z.core.$ZodCheck<number>[] = [];
  if (rule.integer === true) checks.push(z.int({ error: `${noun} must be a whole number` }));
  if (rule.min !== undefined) {
    checks.push(
      rule.exclusiveMin === true
        ? z.gt(rule.min, { error: `${noun} must be greater than ${rule.min}${unit}` })
        : rule.max !== undefined
          ? z.minimum(rule.min, {
              error: `${noun} must be between ${rule.min} and ${rule.max}${unit}`,
            })
          : z.minimum(rule.min, { error: `${noun} must be ${rule.min}${unit} or more` }),
    );
  }
  if (rule.max !== undefined) {
    checks.push(
      z.maximum(rule.max, {
        error:
          rule.min !== undefined && rule.exclusiveMin !== true
            ? `${noun} must be between ${rule.min} and ${rule.max}${unit}`
            : `${noun} must be at most ${rule.max}${unit}`,
      }),
    );
  }
  return z
    .number({ error: `${noun} must be a number${rule.unit === 's' ? ' of seconds' : ''}` })
    .check(...checks);
}

/** A form value made ready by `prepare` (form text to number or boolean), then checked. */
function preprocess<T extends z.core.$ZodType>(prepare: (value: unknown) => unknown, schema: T) {
  return z.pipe(z.transform(prepare), schema);
}

function requiredNumber(noun: string, defaultValue: number, rule: NumberRule = {}) {
  return preprocess(toNumberish, z._default(numberSchema(noun, rule), defaultValue));
}

function optionalNumber(noun: string, rule: NumberRule = {}) {
  return preprocess(toNumberish, z._default(z.nullable(numberSchema(noun, rule)), null));
}

function text(noun: string, defaultValue: string, maxLength = 10_000) {
  return z._default(
    z
      .string({ error: `${noun} must be text` })
      .check(z.maxLength(maxLength, { error: `${noun} must be at most ${maxLength} characters` })),
    defaultValue,
  );
}

function boolean(noun: string, defaultValue: boolean) {
  return preprocess(
    toBooleanish,
    z._default(z.boolean({ error: `${noun} must be true or false` }), defaultValue),
  );
}

// ---- shared fields -----------------------------------------------------------------------

const timeoutSchema = optionalNumber('timeout', { min: 0, exclusiveMin: true, unit: 's' });

const timeoutField: FieldSpec = {
  name: 'timeout',
  label: 'Timeout',
  type: 'number',
  defaultValue: null,
  unit: 's',
  min: 0,
  step: 0.1,
  optional: true,
  help: 'Cancel the work after this many seconds; leave empty for no limit.',
};

/** Only `timeout` is set in the event's own options; `null` means no limit. */
function baseInit(params: { timeout: number | null }, init: DemoInit): DemoInit {
  return { ...init, timeout: params.timeout };
}

const LOOKS_LIKE_JSON = /^\s*(?:[-\d"{[]|true\s*$|false\s*$|null\s*$)/;

/**
 * A return value typed in a text box: JSON when it parses (`42`, `{"a":1}`, `null`),
 * otherwise the text itself.
 */
export function parseReturnValue(input: string): JsonValue {
  // Bursts parse the same text thousands of times: skip the throw for text that is not JSON.
  if (!LOOKS_LIKE_JSON.test(input)) return input;
  try {
    return JSON.parse(input) as JsonValue;
  } catch {
    return input;
  }
}

// ---- the kinds -------------------------------------------------------------------------

const simple = defineKind({
  kind: 'simple',
  label: 'Simple event',
  fields: [
    {
      name: 'returnValue',
      label: 'Return value',
      type: 'text',
      defaultValue: '42',
      help: 'JSON when it parses (42, "text", {"a": 1}, null), otherwise plain text.',
    },
    timeoutField,
  ],
  schema: z.object({ returnValue: text('return value', '42'), timeout: timeoutSchema }),
  create: (params, init) =>
    new SimpleEvent({
      ...baseInit(params, init),
      returnValue: parseReturnValue(params.returnValue),
    }),
});

const failing = defineKind({
  kind: 'failing',
  label: 'Failing event',
  fields: [
    {
      name: 'errorMsg',
      label: 'Error message',
      type: 'text',
      defaultValue: 'Something broke',
      help: 'The message of the ValueError it throws.',
    },
    timeoutField,
  ],
  schema: z.object({ errorMsg: text('error message', 'Something broke'), timeout: timeoutSchema }),
  create: (params, init) =>
    new FailingEvent({ ...baseInit(params, init), errorMsg: params.errorMsg }),
});

const slow = defineKind({
  kind: 'slow',
  label: 'Slow event',
  fields: [
    {
      name: 'delay',
      label: 'Delay',
      type: 'number',
      defaultValue: 2,
      unit: 's',
      min: 0,
      step: 0.1,
      help: 'How long the work sleeps before it returns.',
    },
    {
      name: 'returnValue',
      label: 'Return value',
      type: 'text',
      defaultValue: 'completed',
      help: 'JSON when it parses, otherwise plain text.',
    },
    { ...timeoutField, help: 'Set it below the delay to see a timeout.' },
  ],
  schema: z.object({
    delay: requiredNumber('delay', 2, { min: 0, max: 3600, unit: 's' }),
    returnValue: text('return value', 'completed'),
    timeout: timeoutSchema,
  }),
  create: (params, init) =>
    new SlowEvent({
      ...baseInit(params, init),
      delay: params.delay,
      returnValue: parseReturnValue(params.returnValue),
    }),
});

const statusTracking = defineKind({
  kind: 'status-tracking',
  label: 'Status-tracking event',
  fields: [
    {
      name: 'delay',
      label: 'Delay',
      type: 'number',
      defaultValue: 0.01,
      unit: 's',
      min: 0,
      step: 0.01,
      help: 'How long it stays processing before it returns "done".',
    },
    timeoutField,
  ],
  schema: z.object({
    delay: requiredNumber('delay', 0.01, { min: 0, max: 3600, unit: 's' }),
    timeout: timeoutSchema,
  }),
  create: (params, init) =>
    new StatusTrackingEvent({ ...baseInit(params, init), delay: params.delay }),
});

const counting = defineKind({
  kind: 'counting',
  label: 'Counting event',
  fields: [timeoutField],
  schema: z.object({ timeout: timeoutSchema }),
  create: (params, init) => new CountingEvent(baseInit(params, init)),
});

const multiError = defineKind({
  kind: 'multi-error',
  label: 'Multi-error event',
  fields: [timeoutField],
  schema: z.object({ timeout: timeoutSchema }),
  create: (params, init) => new MultiErrorEvent(baseInit(params, init)),
});

const nullReturning = defineKind({
  kind: 'null-returning',
  label: 'Null-returning event',
  fields: [timeoutField],
  schema: z.object({ timeout: timeoutSchema }),
  create: (params, init) => new NullEvent(baseInit(params, init)),
});

const conditional = defineKind({
  kind: 'conditional',
  label: 'Conditional event',
  fields: [
    {
      name: 'condition',
      label: 'Condition holds',
      type: 'boolean',
      defaultValue: false,
      help: 'When false, the pre-check skips the event and it never runs.',
    },
    {
      name: 'returnValue',
      label: 'Return value',
      type: 'text',
      defaultValue: 'ran',
      help: 'What it returns when the condition holds.',
    },
    timeoutField,
  ],
  schema: z.object({
    condition: boolean('condition', false),
    returnValue: text('return value', 'ran'),
    timeout: timeoutSchema,
  }),
  create: (params, init) =>
    new ConditionalEvent({
      ...baseInit(params, init),
      condition: params.condition,
      returnValue: parseReturnValue(params.returnValue),
    }),
});

const guarded = defineKind({
  kind: 'guarded',
  label: 'Guarded event',
  fields: [
    {
      name: 'amount',
      label: 'Amount',
      type: 'number',
      defaultValue: 150,
      step: 1,
      help: 'An amount over the limit makes the pre-check abort the event.',
    },
    { name: 'limit', label: 'Limit', type: 'number', defaultValue: 100, step: 1 },
    timeoutField,
  ],
  schema: z.object({
    amount: requiredNumber('amount', 150),
    limit: requiredNumber('limit', 100),
    timeout: timeoutSchema,
  }),
  create: (params, init) =>
    new GuardedEvent({ ...baseInit(params, init), amount: params.amount, limit: params.limit }),
});

const progress = defineKind({
  kind: 'progress',
  label: 'Progress-reporting event',
  fields: [
    {
      name: 'steps',
      label: 'Steps',
      type: 'number',
      defaultValue: 5,
      min: 1,
      max: 1000,
      step: 1,
      help: 'It reports its progress after each step.',
    },
    {
      name: 'stepDelay',
      label: 'Step delay',
      type: 'number',
      defaultValue: 0.2,
      unit: 's',
      min: 0,
      step: 0.1,
    },
    timeoutField,
  ],
  schema: z.object({
    steps: requiredNumber('steps', 5, { min: 1, max: 1000, integer: true }),
    stepDelay: requiredNumber('step delay', 0.2, { min: 0, max: 3600, unit: 's' }),
    timeout: timeoutSchema,
  }),
  create: (params, init) =>
    new ProgressReportingEvent({
      ...baseInit(params, init),
      steps: params.steps,
      stepDelay: params.stepDelay,
    }),
});

const FLAKY_ERROR_KINDS = ['connection', 'validation', 'plain'] as const;

const flaky = defineKind({
  kind: 'flaky',
  label: 'Flaky event',
  fields: [
    {
      name: 'failureRate',
      label: 'Failure rate',
      type: 'number',
      defaultValue: 0.5,
      min: 0,
      max: 1,
      step: 0.05,
      help: 'Chance of failing each time it runs, from 0 (never) to 1 (always).',
    },
    {
      name: 'errorKind',
      label: 'Error kind',
      type: 'select',
      defaultValue: 'connection',
      options: [
        { value: 'connection', label: 'ConnectionError (retryable)' },
        { value: 'validation', label: 'ValidationError (not retryable)' },
        { value: 'plain', label: 'Error (counts as retryable)' },
      ],
    },
    timeoutField,
  ],
  schema: z.object({
    failureRate: requiredNumber('failure rate', 0.5, { min: 0, max: 1 }),
    errorKind: z._default(
      z.enum(FLAKY_ERROR_KINDS, {
        error: `error kind must be one of ${FLAKY_ERROR_KINDS.join(', ')}`,
      }),
      'connection',
    ),
    timeout: timeoutSchema,
  }),
  create: (params, init) =>
    new FlakyEvent({
      ...baseInit(params, init),
      failureRate: params.failureRate,
      errorKind: params.errorKind,
    }),
});

const http = defineKind({
  kind: 'http',
  label: 'HTTP event',
  fields: [
    {
      name: 'latency',
      label: 'Latency',
      type: 'number',
      defaultValue: 1000,
      unit: 'ms',
      min: 0,
      max: 60_000,
      step: 100,
      help: 'How long the local endpoint /api/demo waits before it answers.',
    },
    {
      name: 'status',
      label: 'HTTP status',
      type: 'number',
      defaultValue: 200,
      min: 200,
      max: 599,
      step: 1,
      help: '5xx fails retryably (ConnectionError); 404 and other 4xx do not.',
    },
    {
      name: 'failureRate',
      label: 'Failure rate',
      type: 'number',
      defaultValue: 0,
      min: 0,
      max: 1,
      step: 0.05,
      help: 'Chance that the endpoint answers 503 instead.',
    },
    {
      name: 'hang',
      label: 'Never answer',
      type: 'boolean',
      defaultValue: false,
      help: 'The request stays open until a timeout or cancel aborts it.',
    },
    timeoutField,
  ],
  schema: z.object({
    latency: requiredNumber('latency', 1000, { min: 0, max: 60_000, integer: true }),
    status: requiredNumber('HTTP status', 200, { min: 200, max: 599, integer: true }),
    failureRate: requiredNumber('failure rate', 0, { min: 0, max: 1 }),
    hang: boolean('never answer', false),
    timeout: timeoutSchema,
  }),
  create: (params, init) =>
    new HttpEvent({
      ...baseInit(params, init),
      url: demoEndpointUrl({
        latency: params.latency,
        status: params.status,
        failureRate: params.failureRate,
        hang: params.hang,
      }),
    }),
});

/**
 * Every demo event the dashboard can launch, in the order the launch panel lists them.
 * To add a kind, declare it with `defineKind` above and list it here; descriptions for
 * people live in `public/catalogue.json` under the same `kind`.
 */
export const DEMO_KINDS: readonly DemoKind[] = Object.freeze([
  simple,
  failing,
  slow,
  statusTracking,
  counting,
  multiError,
  nullReturning,
  conditional,
  guarded,
  progress,
  flaky,
  http,
]);

const KINDS_BY_NAME = new Map(DEMO_KINDS.map((entry) => [entry.kind, entry]));

/** The kind called `kind`, or `undefined`. */
export function findKind(kind: string): DemoKind | undefined {
  return KINDS_BY_NAME.get(kind);
}

/** The form's starting values of a kind: `{ name: defaultValue }` for every field. */
export function defaultParams(kind: DemoKind): DemoParams {
  return Object.fromEntries(kind.fields.map((field) => [field.name, field.defaultValue]));
}
