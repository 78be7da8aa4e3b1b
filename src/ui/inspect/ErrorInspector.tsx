import type { EventRecord } from '../../store';
import { buildErrorTree, verdictOf, withRecordedRetryable } from './errorTreeModel.ts';
import { ErrorTree } from './ErrorTree.tsx';

/** The captured error as a tree, with the rolled-up retryability verdict in words. */
export function ErrorInspector({ record }: { record: EventRecord }) {
  const error = record.execution.error;
  if (error === null) {
    return <p className="muted">No error captured.</p>;
  }
  const tree = buildErrorTree(error);
  const recorded = record.importedFrom?.format === 'lionherd' ? record.retryable : null;
  const root = recorded === null ? tree : withRecordedRetryable(tree, recorded);
  const verdict = record.verdict ?? verdictOf(root);
  return (
    <div className="error-inspector">
      <p className="verdict">
        <strong>Verdict:</strong> {verdict}
      </p>
      <ErrorTree key={record.id} root={root} />
    </div>
  );
}
