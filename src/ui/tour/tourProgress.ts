import { useSyncExternalStore } from 'react';
import { z } from '../../store/zod';

/**
 * The reader's predictions, remembered across reloads: per step, the choice they checked and
 * whether it was right, or that they asked to see the answer without guessing.
 *
 * Kept in `localStorage` under a versioned key. Storage that cannot be read or written
 * (private mode, quota, a disabled store) or holds something else leaves the tour working:
 * progress then lasts for the page's life only.
 */
export const TOUR_PROGRESS_KEY = 'lifecycle-lab:tour-progress:v1';

const answerSchema = z.union([
  z.object({ choice: z.string(), correct: z.boolean() }),
  z.object({ revealed: z.literal(true) }),
]);

const progressSchema = z.object({
  version: z.literal(1),
  answers: z.record(z.string(), answerSchema),
});

/** A step's prediction: checked (right or wrong), or the answer shown without a guess. */
export type StepAnswer = z.infer<typeof answerSchema>;
export type TourProgress = Readonly<Record<string, StepAnswer>>;

const EMPTY: TourProgress = {};
const listeners = new Set<() => void>();
let progress: TourProgress | undefined;

function storage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
}

function load(): TourProgress {
  try {
    const raw = storage()?.getItem(TOUR_PROGRESS_KEY);
    if (raw === null || raw === undefined) return EMPTY;
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.answers : EMPTY;
  } catch {
    return EMPTY;
  }
}

function save(next: TourProgress): void {
  progress = next;
  try {
    const store = storage();
    if (Object.keys(next).length === 0) store?.removeItem(TOUR_PROGRESS_KEY);
    else store?.setItem(TOUR_PROGRESS_KEY, JSON.stringify({ version: 1, answers: next }));
  } catch {
    // Kept in memory: the tour goes on, progress just does not outlive the page.
  }
  for (const listener of [...listeners]) listener();
}

/** The progress as now known; read from storage on first use. */
export function readTourProgress(): TourProgress {
  progress ??= load();
  return progress;
}

/** Records the reader's answer to a step's question. */
export function recordAnswer(stepId: string, answer: StepAnswer): void {
  save({ ...readTourProgress(), [stepId]: answer });
}

/** Forgets every answer. */
export function resetTourProgress(): void {
  save(EMPTY);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The progress, re-rendering when it changes. */
export function useTourProgress(): TourProgress {
  return useSyncExternalStore(subscribe, readTourProgress, readTourProgress);
}

/** How many steps were answered, and how many of those rightly. */
export function summarize(answers: TourProgress): { answered: number; right: number } {
  let answered = 0;
  let right = 0;
  for (const answer of Object.values(answers)) {
    if (!('choice' in answer)) continue;
    answered += 1;
    if (answer.correct) right += 1;
  }
  return { answered, right };
}

/** Forgets what was read, so the next read goes to storage again (for tests). */
export function forgetLoadedTourProgress(): void {
  progress = undefined;
}
