import { z } from './zod';

/**
 * Schemas of launch form fields. Form inputs give text, so numbers and booleans are read from
 * it first; every message names the field in the words the form uses.
 */

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

export function requiredNumber(noun: string, defaultValue: number, rule: NumberRule = {}) {
  return preprocess(toNumberish, z._default(numberSchema(noun, rule), defaultValue));
}

export function optionalNumber(noun: string, rule: NumberRule = {}) {
  return preprocess(toNumberish, z._default(z.nullable(numberSchema(noun, rule)), null));
}

export function text(noun: string, defaultValue: string, maxLength = 10_000) {
  return z._default(
    z
      .string({ error: `${noun} must be text` })
      .check(z.maxLength(maxLength, { error: `${noun} must be at most ${maxLength} characters` })),
    defaultValue,
  );
}

export function boolean(noun: string, defaultValue: boolean) {
  return preprocess(
    toBooleanish,
    z._default(z.boolean({ error: `${noun} must be true or false` }), defaultValue),
  );
}

/** The `timeout` every kind has: seconds, more than 0, or empty for no limit. */
export const timeoutSchema = optionalNumber('timeout', { min: 0, exclusiveMin: true, unit: 's' });
