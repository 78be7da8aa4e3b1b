import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import { getAppStore } from './appStore';
import { useRecordsSelector, useStatusCounts } from './useRecords';

function Counter() {
  const counts = useStatusCounts();
  const total = useRecordsSelector((records) => records.size());
  const kinds = total === 0 ? 'none' : 'some';
  return createElement('p', null, `${counts.completed}/${total} ${kinds}`);
}

test('the hook reads the lazily created app store', async () => {
  expect(getAppStore()).toBe(getAppStore());
  expect(renderToString(createElement(Counter))).toBe('<p>0/0 none</p>');
  await getAppStore().getState().launch('null-returning', {});
  expect(getAppStore().records.order.toArray()).toHaveLength(1);
});
