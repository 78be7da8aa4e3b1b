import { memo } from 'react';
import { EventRow } from './EventRow.tsx';
import type { ListEntry } from './groupChains.ts';
import { RowCheckbox } from './selection/RowCheckbox.tsx';

interface Props {
  entry: ListEntry;
  /** Attempts the entry's chain has in the whole history. */
  chainSize: number;
  selected: boolean;
  onSelect: (id: string) => void;
  onTick: (id: string, range: boolean) => void;
  onToggleChain: (chainId: string) => void;
}

/**
 * One line of the list: a checkbox for bulk actions, the open/close control of a retry chain
 * (or the mark of an earlier attempt under it), and the event's row.
 */
export const ListRow = memo(function ListRow({
  entry,
  chainSize,
  selected,
  onSelect,
  onTick,
  onToggleChain,
}: Props) {
  return (
    <div className={entry.depth === 1 ? 'list-row earlier-attempt' : 'list-row'}>
      <RowCheckbox id={entry.id} onTick={onTick} />
      {entry.earlier > 0 ? (
        <button
          type="button"
          className="chain-toggle"
          aria-expanded={entry.expanded}
          aria-label={`${entry.expanded ? 'Hide' : 'Show'} ${String(entry.earlier)} earlier ${entry.earlier === 1 ? 'attempt' : 'attempts'}`}
          onClick={() => {
            onToggleChain(entry.chainId);
          }}
        >
          <span aria-hidden="true">{entry.expanded ? '▾' : '▸'}</span>
          <span aria-hidden="true" className="chain-count">
            {entry.earlier + 1}
          </span>
        </button>
      ) : (
        <span className="chain-toggle-space" aria-hidden="true">
          {entry.depth === 1 ? '└' : ''}
        </span>
      )}
      <EventRow id={entry.id} chainSize={chainSize} selected={selected} onSelect={onSelect} />
    </div>
  );
});
