import type { Event } from '../lib';
import {
  ConditionalEvent,
  CountingEvent,
  FailingEvent,
  FlakyEvent,
  GuardedEvent,
  demoEndpointUrl,
  HttpEvent,
  seededRandom,
  burstSeed,
  MultiErrorEvent,
  NullEvent,
  ProgressReportingEvent,
  SimpleEvent,
  SlowEvent,
  StatusTrackingEvent,
} from '../lib/demo';
import type { DemoInit, DemoParams } from './catalogue';
import { boolean, optionalNumber, requiredNumber, text, timeoutSchema } from './fieldSchemas';
import { latencySecondsToMs, MAX_LATENCY_SECONDS } from './latencySeconds';
import { parseReturnValue } from './parseReturnValue';
import { MAX_CODE_LENGTH, SandboxedEvent } from './sandbox/sandboxedEvent';
import { z } from './zod';

/** What launching a kind takes beyond its form (`DemoKind`): checking params, building the event. */
export interface KindSchema {
  /**
   * Validates and normalises form values: numbers may come as strings, empty optional fields
   * become `null`, missing fields take their defaults. Messages name the field.
   */
  readonly schema: z.ZodMiniType<DemoParams>;
  /**
   * Builds the event. `params` is checked with `schema` again, so it cannot be wrong. `index`
   * is the event's place in its burst (0 for a single launch).
   */
  create(params: unknown, init?: DemoInit, index?: number): Event;
  /**
   * Checks `params` once (throwing as `create` does) and returns a builder of events with
   * them: a burst of 10,000 parses its params once, not 10,000 times.
   */
  bind(params: unknown): (init?: DemoInit, index?: number) => Event;
}

/**
 * Declares a kind's schema. The params type flows from the schema into `create`, and the
 * returned `create` parses its params first, so callers need no casts.
 */
function defineKindSchema<S extends z.ZodMiniType<DemoParams>>(definition: {
  schema: S;
  create: (params: z.output<S>, init: DemoInit, index: number) => Event;
}): KindSchema {
  const bind = (params: unknown) => {
    // Every field the builders read is a string, number or boolean: events may share them.
    const parsed = definition.schema.parse(params ?? {});
    return (init: DemoInit = {}, index = 0) => definition.create(parsed, init, index);
  };
  return {
    schema: definition.schema,
    create: (params, init, index) => bind(params)(init, index),
    bind,
  };
}

/** Only `timeout` is set in the event's own options; `null` means no limit. */
function baseInit(params: { timeout: number | null }, init: DemoInit): DemoInit {
  return { ...init, timeout: params.timeout };
}

const LANGUAGES = ['javascript', 'typescript'] as const;

/** The metadata a learner wrote for their event: a JSON object, as text. */
const metadataText = z._default(
  z
    .string({ error: 'metadata must be text' })
    .check(
      z.maxLength(10_000, { error: 'metadata must be at most 10000 characters' }),
      z.refine(isJsonObjectText, { error: 'metadata must be a JSON object, e.g. {"lesson": 1}' }),
    ),
  '{}',
);

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const FLAKY_ERROR_KINDS = ['connection', 'validation', 'plain'] as const;

/** The schema of every kind in `DEMO_KINDS` (./catalogue), by kind name. */
export const KIND_SCHEMAS: Readonly<Record<string, KindSchema>> = {
  simple: defineKindSchema({
    schema: z.object({ returnValue: text('return value', '42'), timeout: timeoutSchema }),
    create: (params, init) =>
      new SimpleEvent({
        ...baseInit(params, init),
        returnValue: parseReturnValue(params.returnValue),
      }),
  }),
  failing: defineKindSchema({
    schema: z.object({
      errorMsg: text('error message', 'Something broke'),
      timeout: timeoutSchema,
    }),
    create: (params, init) =>
      new FailingEvent({ ...baseInit(params, init), errorMsg: params.errorMsg }),
  }),
  slow: defineKindSchema({
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
  }),
  'status-tracking': defineKindSchema({
    schema: z.object({
      delay: requiredNumber('delay', 0.01, { min: 0, max: 3600, unit: 's' }),
      timeout: timeoutSchema,
    }),
    create: (params, init) =>
      new StatusTrackingEvent({ ...baseInit(params, init), delay: params.delay }),
  }),
  counting: defineKindSchema({
    schema: z.object({ timeout: timeoutSchema }),
    create: (params, init) => new CountingEvent(baseInit(params, init)),
  }),
  'multi-error': defineKindSchema({
    schema: z.object({ timeout: timeoutSchema }),
    create: (params, init) => new MultiErrorEvent(baseInit(params, init)),
  }),
  'null-returning': defineKindSchema({
    schema: z.object({ timeout: timeoutSchema }),
    create: (params, init) => new NullEvent(baseInit(params, init)),
  }),
  conditional: defineKindSchema({
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
  }),
  guarded: defineKindSchema({
    schema: z.object({
      amount: requiredNumber('amount', 150),
      limit: requiredNumber('limit', 100),
      timeout: timeoutSchema,
    }),
    create: (params, init) =>
      new GuardedEvent({ ...baseInit(params, init), amount: params.amount, limit: params.limit }),
  }),
  progress: defineKindSchema({
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
  }),
  flaky: defineKindSchema({
    schema: z.object({
      failureRate: requiredNumber('failure rate', 0.5, { min: 0, max: 1 }),
      errorKind: z._default(
        z.enum(FLAKY_ERROR_KINDS, {
          error: `error kind must be one of ${FLAKY_ERROR_KINDS.join(', ')}`,
        }),
        'connection',
      ),
      seed: optionalNumber('seed', {
        integer: true,
        min: -2_147_483_648,
        max: 4_294_967_295,
      }),
      timeout: timeoutSchema,
    }),
    create: (params, init, index) =>
      new FlakyEvent({
        ...baseInit(params, init),
        failureRate: params.failureRate,
        errorKind: params.errorKind,
        // Fresh attempts share the event's options, so a seeded retry chain replays too; each
        // event of a burst draws from its own seed, so the burst is not N copies of one toss.
        ...(params.seed === null ? {} : { random: seededRandom(burstSeed(params.seed, index)) }),
      }),
  }),
  custom: defineKindSchema({
    schema: z.object({
      language: z._default(
        z.enum(LANGUAGES, { error: `language must be one of ${LANGUAGES.join(', ')}` }),
        'javascript',
      ),
      source: text('code', '', MAX_CODE_LENGTH),
      code: text('code as JavaScript', '', MAX_CODE_LENGTH),
      metadata: metadataText,
      timeout: timeoutSchema,
    }),
    create: (params, init) =>
      new SandboxedEvent({
        ...baseInit(params, init),
        // A fresh attempt gets its metadata from the attempt before (`original`, and the
        // rest only when copied), like every other kind; the first gets the learner's.
        metadata: init.metadata ?? (JSON.parse(params.metadata) as Record<string, unknown>),
        code: params.code,
      }),
  }),
  http: defineKindSchema({
    schema: z.object({
      latency: requiredNumber('latency', 1, { min: 0, max: MAX_LATENCY_SECONDS, unit: 's' }),
      status: requiredNumber('HTTP status', 200, { min: 200, max: 599, integer: true }),
      failureRate: requiredNumber('failure rate', 0, { min: 0, max: 1 }),
      hang: boolean('never answer', false),
      timeout: timeoutSchema,
    }),
    create: (params, init) =>
      new HttpEvent({
        ...baseInit(params, init),
        url: demoEndpointUrl({
          latency: latencySecondsToMs(params.latency),
          status: params.status,
          failureRate: params.failureRate,
          hang: params.hang,
        }),
      }),
  }),
};
