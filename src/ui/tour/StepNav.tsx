import type { TourStep } from './tourContent';
import { resetTourProgress, summarize, useTourProgress, type StepAnswer } from './tourProgress';

interface StepNavProps {
  steps: readonly TourStep[];
  currentIndex: number;
  onSelect: (index: number) => void;
}

/**
 * The list of steps, with where the reader is and how each prediction went; any step can be
 * opened directly, and the predictions can be forgotten to start over.
 */
export function StepNav({ steps, currentIndex, onSelect }: StepNavProps) {
  const answers = useTourProgress();
  const { answered, right } = summarize(answers);
  const questions = steps.filter((step) => step.predict !== undefined).length;
  return (
    <div className="tour-side">
      <nav className="tour-nav" aria-label="Tour steps">
        <p className="tour-progress" aria-live="polite">
          Step {currentIndex + 1} of {steps.length}
        </p>
        <ol>
          {steps.map((step, index) => (
            <li key={step.id}>
              <button
                type="button"
                aria-current={index === currentIndex ? 'step' : undefined}
                onClick={() => {
                  onSelect(index);
                }}
              >
                {index + 1}. {step.title}
              </button>
              <AnswerMark answer={answers[step.id]} />
            </li>
          ))}
        </ol>
      </nav>
      <div className="tour-score">
        <p>
          Predictions: {answered} of {questions} answered, {right} right
        </p>
        <button
          type="button"
          disabled={Object.keys(answers).length === 0}
          onClick={resetTourProgress}
        >
          Reset progress
        </button>
      </div>
    </div>
  );
}

function AnswerMark({ answer }: { answer: StepAnswer | undefined }) {
  if (answer === undefined) return null;
  const [glyph, words] = !('choice' in answer)
    ? ['–', 'answer shown']
    : answer.correct
      ? ['✓', 'predicted right']
      : ['✗', 'predicted wrong'];
  return (
    <span className="tour-mark">
      <span aria-hidden="true">{glyph}</span> {words}
    </span>
  );
}
