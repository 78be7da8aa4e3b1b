import { selectChain, useRecordsSelector, type EventRecord } from '../../store';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { useStoreActions } from '../common/storeActions.ts';
import { CopyButton } from './CopyButton.tsx';
import { CompareAttempts } from './compare/CompareAttempts.tsx';

/**
 * Every attempt of the record's chain, oldest first: a link to open it, its full id (with
 * Copy), what it was made fresh from, and its metadata — where `copy metadata` and
 * `metadata.original` can be seen.
 */
export function AttemptChain({ record }: { record: EventRecord }) {
  const actions = useStoreActions();
  const attempts = useRecordsSelector((records) => selectChain(records, record.id));

  return (
    <nav aria-label="Attempt chain">
      <ol className="attempt-chain">
        {attempts.map((attempt) => {
          const isCurrent = attempt.id === record.id;
          return (
            <li key={attempt.id}>
              <div className="attempt-line">
                <a
                  href={`#/event/${attempt.id}`}
                  aria-current={isCurrent ? 'true' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    actions.select(attempt.id);
                  }}
                >
                  Attempt {attempt.attempt}
                </a>{' '}
                <StatusBadge status={attempt.status} />
                {isCurrent ? <span className="muted"> (this one)</span> : null}
              </div>
              <div className="attempt-id">
                <code>{attempt.id}</code>{' '}
                <CopyButton
                  text={attempt.id}
                  label={`Copy the id of attempt ${String(attempt.attempt)}`}
                />
              </div>
              <details className="attempt-metadata">
                <summary>metadata</summary>
                <pre>{JSON.stringify(attempt.metadata, null, 2)}</pre>
              </details>
            </li>
          );
        })}
      </ol>
      {attempts.length > 1 ? <CompareAttempts attempts={attempts} currentId={record.id} /> : null}
    </nav>
  );
}
