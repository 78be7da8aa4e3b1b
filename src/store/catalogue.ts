import type { EventInit, JsonValue } from '../lib';
import { MAX_LATENCY_SECONDS } from './latencySeconds';

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

/**
 * A demo event the dashboard can launch: its name and its form. Its schema and constructor
 * live in `./kindSchemas`, fetched on the first launch, so the first download has no
 * validation library in it.
 */
export interface DemoKind {
  readonly kind: string;
  readonly label: string;
  readonly fields: readonly FieldSpec[];
}

// ---- shared fields -----------------------------------------------------------------------

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

// ---- the kinds -------------------------------------------------------------------------

const simple: DemoKind = {
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
};

const failing: DemoKind = {
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
};

const slow: DemoKind = {
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
};

const statusTracking: DemoKind = {
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
};

const counting: DemoKind = {
  kind: 'counting',
  label: 'Counting event',
  fields: [timeoutField],
};

const multiError: DemoKind = {
  kind: 'multi-error',
  label: 'Multi-error event',
  fields: [timeoutField],
};

const nullReturning: DemoKind = {
  kind: 'null-returning',
  label: 'Null-returning event',
  fields: [timeoutField],
};

const conditional: DemoKind = {
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
};

const guarded: DemoKind = {
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
};

const progress: DemoKind = {
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
};

const flaky: DemoKind = {
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
    {
      name: 'seed',
      label: 'Seed',
      type: 'number',
      defaultValue: null,
      step: 1,
      optional: true,
      help: 'A whole number replays the same outcomes (and retries); empty is random.',
    },
    timeoutField,
  ],
};

const http: DemoKind = {
  kind: 'http',
  label: 'HTTP event',
  fields: [
    {
      name: 'latency',
      label: 'Latency',
      type: 'number',
      defaultValue: 1,
      unit: 's',
      min: 0,
      max: MAX_LATENCY_SECONDS,
      step: 0.1,
      help: 'Seconds the local endpoint /api/demo waits before it answers (it reports them in ms).',
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
};

/**
 * Every demo event the dashboard can launch, in the order the launch panel lists them.
 * To add a kind, declare its form above, list it here and give it a schema in `./kindSchemas`; descriptions for
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

/**
 * An event whose work is code the learner wrote in the editor, run in a sandbox worker
 * (`./sandbox`). Launched from the editor, not the launch form, so it is not in `DEMO_KINDS`.
 */
export const CUSTOM_KIND: DemoKind = {
  kind: 'custom',
  label: 'Your event',
  fields: [
    { name: 'language', label: 'Language', type: 'text', defaultValue: 'javascript' },
    { name: 'source', label: 'Code', type: 'text', defaultValue: '' },
    { name: 'code', label: 'Code as JavaScript', type: 'text', defaultValue: '' },
    { name: 'metadata', label: 'Metadata', type: 'text', defaultValue: '{}' },
    timeoutField,
  ],
};

const KINDS_BY_NAME = new Map(
  [...DEMO_KINDS, CUSTOM_KIND].map((entry) => [entry.kind, entry] as const),
);

/** The kind called `kind`, or `undefined`. */
export function findKind(kind: string): DemoKind | undefined {
  return KINDS_BY_NAME.get(kind);
}

/** The form's starting values of a kind: `{ name: defaultValue }` for every field. */
export function defaultParams(kind: DemoKind): DemoParams {
  return Object.fromEntries(kind.fields.map((field) => [field.name, field.defaultValue]));
}
