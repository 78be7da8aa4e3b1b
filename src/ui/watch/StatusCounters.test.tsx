import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../../tests/support/eventually';
import { EventStoreProvider, getAppStore, useEventStoreApi, type EventStore } from '../../store';
import { createTestStore } from '../../store/testHelpers';
import { StatusCounters } from './StatusCounters.tsx';

function WhichStore({ given }: { given: EventStore }) {
  const store = useEventStoreApi();
  return <p>{store === given ? 'given' : store === getAppStore() ? 'app' : 'other'}</p>;
}

describe('a component rendered with a store of its own', () => {
  it('counts the records of the store it was given, not the app store', async () => {
    const harness = createTestStore();
    const result = await harness.store.getState().launch('null-returning', {}, 2);
    if (!result.ok) throw new Error(result.error);
    await eventually(() => {
      harness.flush();
      expect(harness.store.records.counts().completed).toBe(2);
    });

    const html = renderToStaticMarkup(
      <EventStoreProvider store={harness.store}>
        <StatusCounters />
      </EventStoreProvider>,
    );
    expect(html).toContain('aria-label="completed: 2"');
    expect(html).toContain('aria-label="total: 2"');
    expect(getAppStore().records.size()).toBe(0);
  });

  it('hands the given store to the hooks inside the provider, the app store outside', () => {
    const harness = createTestStore();
    expect(
      renderToStaticMarkup(
        <EventStoreProvider store={harness.store}>
          <WhichStore given={harness.store} />
        </EventStoreProvider>,
      ),
    ).toBe('<p>given</p>');
    expect(renderToStaticMarkup(<WhichStore given={harness.store} />)).toBe('<p>app</p>');
  });
});

describe('the status counters', () => {
  it('turn the processing shape only while events process', async () => {
    const harness = createTestStore();
    const render = (): string =>
      renderToStaticMarkup(
        <EventStoreProvider store={harness.store}>
          <StatusCounters />
        </EventStoreProvider>,
      );
    expect(render()).toContain('status-processing status-still');
    const result = await harness.store.getState().launch('slow', {}, 1);
    if (!result.ok) throw new Error(result.error);
    await eventually(() => {
      harness.flush();
      expect(harness.store.records.counts().processing).toBe(1);
    });
    expect(render()).toContain('class="status-badge status-processing"');
    expect(render()).toContain('status-pending status-still');
  });
});
