import { useMemo } from 'react';
import type { EventRecord } from '../../store';
import { buildErrorTree, withRecordedRetryable } from './errorTreeModel.ts';
import { ErrorTree } from './ErrorTree.tsx';
import { verdictInWords } from './verdictWords.ts';

/** The captured error as a tree, with the rolled-up retryability verdict in words. */
export function ErrorInspector({ record }: { record: EventRecord }) {
  const error = record.execution.error;
  // Built once per error, not per render: a group 150,000 wide takes a while to walk.
  const tree = useMemo(() => (error === null ? null : buildErrorTree(error)), [error]);
  if (tree === null) {
    return <p className="muted">No error captured.</p>;
  }
  // lionherd-core logs record the verdict Python reached by its own rule: show that one.
  const recorded = record.importedFrom?.format === 'lionherd' ? record.retryable : null;
  const root = recorded === null ? tree : withRecordedRetryable(tree, recorded);
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
