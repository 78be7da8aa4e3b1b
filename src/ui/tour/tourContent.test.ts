import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import tourJson from '../../../public/tour.json?raw';
import { formatValue } from './formatValue';
import { printedValue, scenarios, TOUR_STEP_IDS } from './scenarios';
import { fetchTourContent, parseTourContent } from './tourContent';

const tour = parseTourContent(JSON.parse(tourJson));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('public/tour.json', () => {
  it('describes the eight steps in the scenarios’ order', () => {
    expect(tour.steps.map((step) => step.id)).toEqual([...TOUR_STEP_IDS]);
  });

  it('shows, for every step, code that logs each expression the scenario prints', async () => {
    for (const step of tour.steps) {
      const running = scenarios[step.id]();
      await vi.runAllTimersAsync();
      const run = await running;
      for (const { expression } of run.printed) {
        expect(step.code, `${step.id}: console.log(${expression})`).toContain(
          `console.log(${expression});`,
        );
      }
    }
  });

  it('asks, on every step, a question whose answer is the value the step prints', async () => {
    for (const step of tour.steps) {
      expect(step.predict, step.id).toBeDefined();
      if (step.predict === undefined) continue;
      const running = scenarios[step.id]();
      await vi.runAllTimersAsync();
      const printed = printedValue(await running, step.predict.expression);
      expect(formatValue(printed), step.id).toBe(step.predict.answer);
    }
  });

  it('is rejected when a question’s answer is not one of its choices', () => {
    const [first, ...rest] = tour.steps;
    const predict = { expression: 'result', question: 'What?', choices: ['1', '2'], answer: '3' };
    const broken: unknown = { ...tour, steps: [{ ...first, predict }, ...rest] };
    expect(() => parseTourContent(broken)).toThrow(/answer must be one of the choices/);
  });

  it('is rejected, with the place named, when a step is missing', () => {
    const broken: unknown = { ...tour, steps: tour.steps.slice(1) };
    expect(() => parseTourContent(broken)).toThrow(/steps/);
  });

  it('is rejected when a step has no code', () => {
    const [first, ...rest] = tour.steps;
    const broken: unknown = { ...tour, steps: [{ ...first, code: '' }, ...rest] };
    expect(() => parseTourContent(broken)).toThrow(/code/);
  });
});

describe('fetchTourContent', () => {
  it('reads and checks the tour', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(tourJson))),
    );
    await expect(fetchTourContent()).resolves.toEqual(tour);
  });

  it('says which address failed and how when the tour cannot be read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('missing', { status: 404 }))),
    );
    await expect(fetchTourContent()).rejects.toThrow(/tour\.json answered 404/);
  });
});
