import { useId, useState, type SyntheticEvent } from 'react';
import type { Prediction } from './tourContent';
import { recordAnswer, type StepAnswer } from './tourProgress';

interface Props {
  stepId: string;
  predict: Prediction;
  /** The reader's answer so far, if any (remembered across reloads). */
  answer: StepAnswer | undefined;
  /** What this page's run printed for the expression, as the tour writes it; `null` before it ran. */
  printed: string | null;
}

/**
 * Predict, then reveal: the step asks which value its expression will print, the reader picks
 * one and checks it, and only then sees the notebook's value beside what this page's run
 * printed. The result is announced in a live region and remembered.
 */
export function PredictQuestion({ stepId, predict, answer, printed }: Props) {
  const name = useId();
  const [choice, setChoice] = useState<string | null>(
    answer !== undefined && 'choice' in answer ? answer.choice : null,
  );
  const [hint, setHint] = useState('');
  // Progress reset elsewhere clears the choice too.
  const [shownAnswer, setShownAnswer] = useState(answer);
  if (shownAnswer !== answer) {
    setShownAnswer(answer);
    if (answer === undefined) setChoice(null);
  }

  const check = (event: SyntheticEvent) => {
    event.preventDefault();
    if (choice === null) {
      setHint('Choose an answer first.');
      return;
    }
    setHint('');
    recordAnswer(stepId, { choice, correct: choice === predict.answer });
  };

  return (
    <form className="tour-predict" aria-label="Predict" onSubmit={check}>
      <fieldset>
        <legend>Predict: {predict.question}</legend>
        {predict.choices.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={choice === option}
              onChange={() => {
                setChoice(option);
              }}
            />{' '}
            <code>{option}</code>
          </label>
        ))}
      </fieldset>
      <div className="tour-predict-actions">
        <button type="submit">Check</button>
        {answer === undefined && (
          <button
            type="button"
            onClick={() => {
              recordAnswer(stepId, { revealed: true });
            }}
          >
            Show the answer
          </button>
        )}
      </div>
      <p className="tour-predict-result" aria-live="polite">
        {hint || describeAnswer(answer, predict)}
      </p>
      {answer !== undefined && (
        <dl className="tour-predict-reveal">
          <dt>The notebook&apos;s value</dt>
          <dd>
            <code>{predict.answer}</code>
          </dd>
          <dt>This page&apos;s run printed</dt>
          <dd>
            <code>{printed ?? 'not run yet'}</code>
          </dd>
        </dl>
      )}
    </form>
  );
}

function describeAnswer(answer: StepAnswer | undefined, predict: Prediction): string {
  if (answer === undefined) return '';
  const value = `${predict.expression} is ${predict.answer}`;
  if (!('choice' in answer)) return `The answer: ${value}.`;
  if (answer.correct) return `Right: ${value}.`;
  return `Not quite: you chose ${answer.choice}, but ${value}.`;
}
