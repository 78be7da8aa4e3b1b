import { selectChain, useEventStore, type EventRecord } from '../../store';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { storeActions } from '../common/storeActions.ts';

/** Every attempt of the record's chain, oldest first, each a link to open it. */
export function AttemptChain({ record }: { record: EventRecord }) {
  const attempts = useEventStore((state) => selectChain(state, record.id));

  return (
    <nav aria-label="Attempt chain">
      <ol className="attempt-chain">
        {attempts.map((attempt) => {
          const isCurrent = attempt.id === record.id;
          return (
            <li key={attempt.id}>
              <a
                href={`#/event/${attempt.id}`}
                aria-current={isCurrent ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  storeActions().select(attempt.id);
                }}
              >
                Attempt {attempt.attempt}
              </a>{' '}
              <StatusBadge status={attempt.status} />
              {isCurrent ? <span className="muted"> (this one)</span> : null}
              {attempt.originalId ? (
                <span className="muted"> · fresh from {attempt.originalId.slice(0, 8)}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
