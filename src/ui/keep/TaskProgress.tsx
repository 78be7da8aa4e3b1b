import { useId } from 'react';

/**
 * A long import or export under way: a progress bar named by what it says ("Importing 40,000
 * of 100,000"), and a Cancel button. Without `total` the bar is indeterminate.
 */
export function TaskProgress({
  label,
  done,
  total,
  onCancel,
}: {
  /** What is going on, with the counts when known. */
  label: string;
  done: number;
  total: number | null;
  onCancel: () => void;
}) {
  const labelId = useId();
  return (
    <div className="task-progress">
      <span id={labelId}>{label}</span>
      {total === null || total === 0 ? (
        <progress aria-labelledby={labelId} />
      ) : (
        <progress aria-labelledby={labelId} max={total} value={Math.min(done, total)} />
      )}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** `40000` → `40,000`, whatever the page's locale. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
