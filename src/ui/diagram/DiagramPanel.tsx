import { useMemo } from 'react';
import type { EventStatus } from '../../lib';
import { useEventStore, useRecord } from '../../store';
import { LifecycleDiagram } from './LifecycleDiagram.tsx';
import { useScrubIndex } from '../inspect/scrubState.ts';

/** The lifecycle diagram of the selected event (or the bare lifecycle when none is). */
export default function DiagramPanel() {
  const selectedId = useEventStore((state) => state.selectedId);
  // The history slider may show an earlier moment: draw the path up to it.
  const scrubIndex = useScrubIndex(selectedId);
  const record = useRecord(selectedId);
  const fullPath = useMemo((): EventStatus[] => {
    if (!record) return [];
    // A lionherd log holds the final status only; do not draw steps it does not record.
    if (record.importedFrom?.format === 'lionherd') return [record.status];
    return record.transitions.map((step) => step.status);
  }, [record]);
  const path = scrubIndex === null ? fullPath : fullPath.slice(0, scrubIndex + 1);
  return (
    <>
      <LifecycleDiagram path={path} />
      <p className="muted diagram-legend">
        Filled box with “now”: current state · bold box with ✓: visited · thick solid arrow: move
        taken · dashed arrow: allowed move.
      </p>
    </>
  );
}
