import type { FieldSpec } from '../../store';

interface Props {
  field: FieldSpec;
  /** Unique per form, so labels and messages point at the right input. */
  idPrefix: string;
  value: string | boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}

/** One labelled input of a launch form, with its help and its inline validation message. */
export function ParamField({ field, idPrefix, value, error, onChange }: Props) {
  const id = `${idPrefix}-${field.name}`;
  const help = field.optional === true ? `Optional. ${field.help ?? ''}`.trim() : field.help;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;

  if (field.type === 'boolean') {
    return (
      <div className="field field-checkbox">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />
        <label htmlFor={id}>{field.label}</label>
        <FieldNotes helpId={helpId} help={help} errorId={errorId} error={error} />
      </div>
    );
  }

  const label = field.unit ? `${field.label} (${field.unit})` : field.label;
  const text = typeof value === 'string' ? value : String(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.type === 'select' ? (
        <select
          id={id}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          value={text}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
      <FieldNotes helpId={helpId} help={help} errorId={errorId} error={error} />
    </div>
  );
}

function FieldNotes(props: {
  helpId: string | undefined;
  help: string | undefined;
  errorId: string | undefined;
  error: string | undefined;
}) {
  return (
    <>
      {props.error ? (
        <p id={props.errorId} role="alert" className="field-error">
          {props.error}
        </p>
      ) : null}
      {props.help ? (
        <p id={props.helpId} className="field-help muted">
          {props.help}
        </p>
      ) : null}
    </>
  );
}
