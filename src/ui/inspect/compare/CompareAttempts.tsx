import { useId, useState } from 'react';
import type { EventRecord } from '../../../store';
import { compareAttempts, type ComparedField } from './compareAttempts.ts';
import './compare.css';

/** Characters of one side shown; the rest is counted, so a huge response stays cheap. */
const SHOWN_CHARS = 4_000;

/**
 * Pick two attempts of a chain and see them side by side; rows that differ say so in words,
 * and multi-line text (result, parameters, metadata) shows a line diff. All of it as text.
 */
export function CompareAttempts({
  attempts,
  currentId,
}: {
  attempts: readonly EventRecord[];
  currentId: string;
}) {
  const currentIndex = Math.max(
    0,
    attempts.findIndex((attempt) => attempt.id === currentId),
  );
  const [firstId, setFirstId] = useState<string | null>(null);
  const [secondId, setSecondId] = useState<string | null>(null);
  const firstLabel = useId();
  const secondLabel = useId();
  // By default: the attempt before this one against this one.
  const second =
    attempts.find((a) => a.id === secondId) ?? attempts[currentIndex === 0 ? 1 : currentIndex];
  const first =
    attempts.find((a) => a.id === firstId) ?? attempts[currentIndex === 0 ? 0 : currentIndex - 1];
  if (first === undefined || second === undefined) return null;
  const fields = compareAttempts(first, second);
  const differing = fields.filter((field) => !field.same).length;

  const picker = (id: string, label: string, value: EventRecord, set: (id: string) => void) => (
    <span className="compare-pick">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value.id}
        onChange={(event) => {
          set(event.target.value);
        }}
      >
        {attempts.map((attempt) => (
          <option key={attempt.id} value={attempt.id}>
            Attempt {attempt.attempt} ({attempt.status})
          </option>
        ))}
      </select>
    </span>
  );

  return (
    <section className="compare-attempts" aria-label="Compare attempts">
      <h3>Compare attempts</h3>
      <div className="row">
        {picker(firstLabel, 'First attempt', first, setFirstId)}
        {picker(secondLabel, 'Second attempt', second, setSecondId)}
      </div>
      <p role="status" className="muted">
        {first.id === second.id
          ? 'The same attempt on both sides.'
          : differing === 0
            ? 'No differences.'
            : `${String(differing)} of ${String(fields.length)} differ.`}
      </p>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Attempt {first.attempt}</th>
            <th scope="col">Attempt {second.attempt}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <FieldRow
              key={field.name}
              field={field}
              firstAttempt={first.attempt}
              secondAttempt={second.attempt}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * One field of both attempts. Its texts scroll inside a bounded height, so each can take the
 * focus and be scrolled from the keyboard, and is named for what it holds.
 */
function FieldRow({
  field,
  firstAttempt,
  secondAttempt,
}: {
  field: ComparedField;
  firstAttempt: number;
  secondAttempt: number;
}) {
  return (
    <>
      <tr className={field.same ? 'same' : 'differs'}>
        <th scope="row">
          {field.name}
          <span className="compare-mark">{field.same ? ' · same' : ' · differs'}</span>
        </th>
        <td>
          <pre tabIndex={0} aria-label={`${field.name} in attempt ${String(firstAttempt)}`}>
            {shown(field.first)}
          </pre>
        </td>
        <td>
          <pre tabIndex={0} aria-label={`${field.name} in attempt ${String(secondAttempt)}`}>
            {shown(field.second)}
          </pre>
        </td>
      </tr>
      {field.diff === undefined ? null : (
        <tr className="compare-diff">
          <td colSpan={3}>
            {field.diff === null ? (
              <p className="muted">Too long for a line-by-line diff; compare the two above.</p>
            ) : (
              <pre tabIndex={0} aria-label={`Changes in ${field.name}`}>
                {field.diff
                  .map(
                    (line) =>
                      `${line.kind === 'same' ? '  ' : line.kind === 'removed' ? '- ' : '+ '}${line.text}`,
                  )
                  .join('\n')}
              </pre>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function shown(text: string): string {
  return text.length <= SHOWN_CHARS
    ? text
    : `${text.slice(0, SHOWN_CHARS)}… (${String(text.length - SHOWN_CHARS)} more characters)`;
}
