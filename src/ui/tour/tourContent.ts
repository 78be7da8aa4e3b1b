import { queryOptions } from '@tanstack/react-query';
import { z } from '../../store/zod';
import { TOUR_STEP_IDS } from './scenarios';

/**
 * A question asked before the step's values are shown: which value `expression` prints.
 * Choices and answer are written as the tour prints values (`"cancelled"`, `null`, `Unset`).
 */
const predictionSchema = z
  .object({
    /** One of the expressions the step's scenario prints. */
    expression: z.string().check(z.minLength(1)),
    question: z.string().check(z.minLength(1)),
    choices: z.array(z.string().check(z.minLength(1))).check(z.minLength(2)),
    /** The notebook's value. */
    answer: z.string().check(z.minLength(1)),
  })
  .check(
    z.refine((predict) => predict.choices.includes(predict.answer), {
      path: ['answer'],
      message: 'answer must be one of the choices',
    }),
  );

export type Prediction = z.infer<typeof predictionSchema>;

/** One step of the tour as `public/tour.json` describes it. */
const tourStepSchema = z.object({
  id: z.enum(TOUR_STEP_IDS),
  title: z.string().check(z.minLength(1)),
  /** Paragraphs of plain text. */
  explanation: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** The TypeScript the step runs, as shown to the reader. */
  code: z.string().check(z.minLength(1)),
  predict: z.optional(predictionSchema),
});

/** The whole of `public/tour.json`: one step per scenario, in the scenarios' order. */
export const tourContentSchema = z
  .object({
    title: z.string().check(z.minLength(1)),
    intro: z.string().check(z.minLength(1)),
    steps: z.array(tourStepSchema),
  })
  .check(
    z.refine(
      (tour) =>
        tour.steps.length === TOUR_STEP_IDS.length &&
        tour.steps.every((step, index) => step.id === TOUR_STEP_IDS[index]),
      {
        path: ['steps'],
        message: `steps must be exactly ${TOUR_STEP_IDS.join(', ')}, in that order`,
      },
    ),
  );

export type TourContent = z.infer<typeof tourContentSchema>;
export type TourStep = TourContent['steps'][number];

/** Where the app serves the tour's text and code. */
export const TOUR_CONTENT_URL = `${import.meta.env.BASE_URL}tour.json`;

/** Checks what was read from `tour.json`; the error says what is wrong and where. */
export function parseTourContent(data: unknown): TourContent {
  const parsed = tourContentSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`tour.json is not a valid tour:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Reads and checks the tour's content. */
export async function fetchTourContent(signal?: AbortSignal): Promise<TourContent> {
  const response = await fetch(TOUR_CONTENT_URL, { signal });
  if (!response.ok) {
    throw new Error(`Could not load the tour: ${TOUR_CONTENT_URL} answered ${response.status}`);
  }
  return parseTourContent(await response.json());
}

/** The query that reads the tour's content: static, so read once and kept. */
export const tourContentQuery = queryOptions({
  queryKey: ['tour', 'content'],
  queryFn: ({ signal }) => fetchTourContent(signal),
  staleTime: Infinity,
});
