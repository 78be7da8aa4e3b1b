import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import { statusCounts } from './selectors';
import { getAppStore, useEventStore, useEventStoreShallow } from './useEventStore';

function Counter() {
  const counts = useEventStore(statusCounts);
  const { total, kinds } = useEventStoreShallow((state) => ({
    total: state.order.length,
    kinds: state.order.length === 0 ? 'none' : 'some',
  }));
  return createElement('p', null, `${counts.completed}/${total} ${kinds}`);
}

test('the hook reads the lazily created app store', async () => {
  expect(getAppStore()).toBe(getAppStore());
  expect(renderToString(createElement(Counter))).toBe('<p>0/0 none</p>');
  await getAppStore().getState().launch('null-returning', {});
  expect(getAppStore().getState().order).toHaveLength(1);
});
