import { useRecord } from '../../../store';
import { useSelection } from './selectionStore.ts';

/**
 * Ticks a row for bulk actions. Space ticks it from the keyboard; a shift-click ticks the
 * rows between it and the row clicked before.
 */
export function RowCheckbox({
  id,
  onTick,
}: {
  id: string;
  onTick: (id: string, range: boolean) => void;
}) {
  const checked = useSelection((selection) => selection.ids.has(id));
  const record = useRecord(id);
  const label = record?.label ?? 'event';
  const attempt = record?.attempt ?? 1;
  return (
    <input
      type="checkbox"
      className="row-check"
      checked={checked}
      aria-label={`Select ${label}, attempt ${String(attempt)} (${id})`}
      // onClick, not onChange: only the click says whether shift was held.
      onClick={(event) => {
        onTick(id, event.shiftKey);
      }}
      onChange={() => undefined}
    />
  );
}
