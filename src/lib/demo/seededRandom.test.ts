import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlakyEvent } from './flakyEvent.ts';
import { burstSeed, seededRandom } from './seededRandom.ts';

const draws = (random: () => number, count: number): number[] =>
  Array.from({ length: count }, () => random());

describe('seededRandom', () => {
  it('replays the same draws for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draws(seededRandom(seed), 20)).toEqual(draws(seededRandom(seed), 20));
      }),
    );
  });

  it('draws numbers in [0, 1), whatever the seed', () => {
    fc.assert(
      fc.property(fc.double(), (seed) => {
        for (const value of draws(seededRandom(seed), 50)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        }
      }),
    );
  });

  it('gives different seeds different draws', () => {
    expect(draws(seededRandom(1), 5)).not.toEqual(draws(seededRandom(2), 5));
  });

  it('spreads its draws evenly enough for a coin toss', () => {
    const random = seededRandom(7);
    const below = draws(random, 10_000).filter((value) => value < 0.5).length;
    expect(below).toBeGreaterThan(4_800);
    expect(below).toBeLessThan(5_200);
  });

  it('makes a flaky event fail or succeed the same way for the same seed', async () => {
    const outcomes = async (seed: number): Promise<string[]> => {
      const random = seededRandom(seed);
      const result: string[] = [];
      for (let index = 0; index < 10; index++) {
        const event = new FlakyEvent({ random });
        await event.invoke();
        result.push(event.status);
      }
      return result;
    };
    expect(await outcomes(99)).toEqual(await outcomes(99));
  });

  it('gives each event of a burst its own seed, the first keeping the launch seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_147_483_648, max: 4_294_967_295 }), (seed) => {
        const seeds = Array.from({ length: 50 }, (_, index) => burstSeed(seed, index));
        expect(seeds[0]).toBe(seed);
        expect(new Set(seeds).size).toBe(50);
        expect(seeds).toEqual(Array.from({ length: 50 }, (_, index) => burstSeed(seed, index)));
      }),
    );
  });
});
