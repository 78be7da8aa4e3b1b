import type { DemoKind } from '../../store';

interface Props {
  kinds: readonly DemoKind[];
  selected: string;
  onSelect: (kind: string) => void;
}

/** The catalogue as a radio group: one demo kind at a time. */
export function KindPicker({ kinds, selected, onSelect }: Props) {
  return (
    <fieldset className="kind-picker">
      <legend>Demo event</legend>
      {kinds.map((kind) => (
        <label key={kind.kind} className="kind-option">
          <input
            type="radio"
            name="demo-kind"
            value={kind.kind}
            checked={kind.kind === selected}
            onChange={() => {
              onSelect(kind.kind);
            }}
          />
          {kind.label}
        </label>
      ))}
    </fieldset>
  );
}
