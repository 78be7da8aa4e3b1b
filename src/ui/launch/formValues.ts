import type { DemoKind, FieldSpec } from '../../store';

/** What the inputs hold: text for text-like inputs, a boolean for checkboxes. */
export type FormValues = Record<string, string | boolean>;

/** The form's starting values for a kind. */
export function initialValues(kind: DemoKind): FormValues {
  return Object.fromEntries(kind.fields.map((field) => [field.name, initialValue(field)]));
}

function initialValue(field: FieldSpec): string | boolean {
  if (field.type === 'boolean') return field.defaultValue === true;
  if (field.defaultValue === null) return '';
  return typeof field.defaultValue === 'string'
    ? field.defaultValue
    : JSON.stringify(field.defaultValue);
}

/**
 * The params handed to `launch`: strings as typed (the kind's schema turns numeric text into
 * numbers and reports anything else), empty optional fields as `null`.
 */
export function toParams(kind: DemoKind, values: FormValues): Record<string, unknown> {
  return Object.fromEntries(
    kind.fields.map((field) => {
      const value = values[field.name];
      if (field.optional === true && value === '') return [field.name, null];
      return [field.name, value];
    }),
  );
}
