import type { TourStep } from './tourContent';

interface StepNavProps {
  steps: readonly TourStep[];
  currentIndex: number;
  onSelect: (index: number) => void;
}

/** The list of steps, with where the reader is; any step can be opened directly. */
export function StepNav({ steps, currentIndex, onSelect }: StepNavProps) {
  return (
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
          </li>
        ))}
      </ol>
    </nav>
  );
}
