import type { EventRecord } from '../../store';
import { buildErrorTree } from './errorTreeModel.ts';
import { ErrorTree } from './ErrorTree.tsx';
import { verdictInWords } from './verdictWords.ts';

/** The captured error as a tree, with the rolled-up retryability verdict in words. */
export function ErrorInspector({ record }: { record: EventRecord }) {
  const error = record.execution.error;
  if (error === null) {
    return <p className="muted">No error captured.</p>;
  }
  const root = buildErrorTree(error);
  // Worded from the tree rather than taken from the record, so live and imported events read
  // the same and the rule that decided is always named.
  const verdict = verdictInWords(root);
  return (
    <div className="error-inspector">
      <p className="verdict">
        <strong>Verdict:</strong> {verdict}
      </p>
      <ErrorTree key={record.id} root={root} />
    </div>
  );
}
