import { describe, expect, it } from 'vitest';
import { actionsFor } from './actionsForStatus.ts';

describe('actionsFor', () => {
  it('offers no retry on a completed event, and says invoking again is served from the cache', () => {
    const offered = actionsFor('completed', 'live');
    expect(offered.retryFresh).toBe(false);
    expect(offered.retryPolicy).toBe(false);
    expect(offered.cancel).toBe(false);
    expect(offered.invokeNote).toMatch(/cached response/);
  });

  it('offers cancel only while the event runs', () => {
    expect(actionsFor('processing', 'live').cancel).toBe(true);
    expect(actionsFor('pending', 'live').cancel).toBe(true);
    expect(actionsFor('failed', 'live').cancel).toBe(false);
    expect(actionsFor('processing', 'live').retryFresh).toBe(false);
  });

  it('explains that invoking a failed event again returns the cached outcome without running', () => {
    const offered = actionsFor('failed', 'live');
    expect(offered.retryFresh).toBe(true);
    expect(offered.retryPolicy).toBe(true);
    expect(offered.invokeNote).toBe(
      'Invoking again returns the cached outcome (failed) without running _invoke; to run the work again, retry fresh.',
    );
  });

  it('lets a restored failure be retried but not invoked, and an imported one neither', () => {
    expect(actionsFor('failed', 'restored')).toMatchObject({ invoke: false, retryFresh: true });
    expect(actionsFor('failed', 'imported')).toMatchObject({
      invoke: false,
      retryFresh: false,
      retryPolicy: false,
    });
  });

  it('does not run a retry policy on an event that never ran', () => {
    expect(actionsFor('skipped', 'live')).toMatchObject({ retryFresh: true, retryPolicy: false });
  });
});
