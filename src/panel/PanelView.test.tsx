import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../lib/errors/connectionError.ts';
import { createEvent } from '../lib/functionEvent.ts';
import { describeEvent } from './describeEvent.ts';
import type { FeedSnapshot } from './eventFeed.ts';
import { LifecyclePanel } from './LifecyclePanel.tsx';
import { PanelView } from './PanelView.tsx';

const noop = (): void => undefined;

/** The markup of the panel, open unless told otherwise (no DOM under Vitest's node runs). */
function render(snapshot: FeedSnapshot, open = true): string {
  return renderToString(
    <PanelView
      snapshot={snapshot}
      open={open}
      position="top-left"
      onOpenChange={noop}
      onClear={noop}
      onRetry={noop}
    />,
  );
}

/** The `<li>` rows of the markup, in order. */
const rowsOf = (html: string): string[] => html.match(/<li\b.*?<\/li>/g) ?? [];

async function settled() {
  const done = createEvent(() => 'ok', { metadata: { label: 'load cart' } });
  const failed = createEvent(
    () => {
      throw new ConnectionError('socket <b>reset</b>');
    },
    { metadata: { label: 'charge card' } },
  );
  const cancelled = createEvent(() => new Promise(noop));
  const running = createEvent(() => new Promise(noop));
  await done.invoke();
  await failed.invoke();
  void cancelled.invoke();
  void running.invoke();
  cancelled.cancel('user left');
  return [running, cancelled, failed, done].map(describeEvent);
}

describe('PanelView', () => {
  it('shows only the toggle, collapsed, while closed', () => {
    const html = render({ entries: [], dropped: 0 }, false);
    expect(html).toMatch(/<button[^>]*class="llp-toggle"[^>]*aria-expanded="false"/);
    expect(html).toContain('Lifecycle events');
    expect(html).not.toContain('<section');
  });

  it('opens a region named by its heading, with the events as a list', async () => {
    const html = render({ entries: await settled(), dropped: 0 });
    expect(html).toMatch(/class="llp-toggle"[^>]*aria-expanded="true" aria-controls="([^"]+)"/);
    const controls = /aria-controls="([^"]+)"/.exec(html)?.[1];
    const section = /<section id="([^"]+)"[^>]*aria-labelledby="([^"]+)"/.exec(html);
    expect(section?.[1]).toBe(controls);
    expect(html).toContain(`<h2 id="${section?.[2] ?? ''}">Lifecycle events</h2>`);
    expect(html).toMatch(/<ul class="llp-list" role="list" aria-label="Events, newest first">/);
    expect(rowsOf(html)).toHaveLength(4);
    expect(html).toContain('4 events');
  });

  it('says each status in words, with duration, error and verdict', async () => {
    const [running, cancelled, failed, done] = rowsOf(
      render({ entries: await settled(), dropped: 0 }),
    );
    expect(running).toMatch(/FunctionEvent<\/span>.*processing<\/span>/);
    expect(running).not.toContain('llp-duration');
    expect(cancelled).toContain('cancelled</span>');
    expect(cancelled).toContain('CancellationError: user left');
    expect(failed).toMatch(
      /charge card<\/span>.*failed<\/span><span class="llp-duration">[\d.]+ ms/,
    );
    expect(failed).toContain('retryable: ');
    expect(done).toMatch(/load cart<\/span>.*completed<\/span><span class="llp-duration">/);
  });

  it('shows error text as text, never as markup', async () => {
    const [, , failed] = rowsOf(render({ entries: await settled(), dropped: 0 }));
    expect(failed).toContain('ConnectionError: socket &lt;b&gt;reset&lt;/b&gt;');
    expect(failed).not.toContain('<b>');
  });

  it('offers "Retry fresh" for failed and cancelled events only', async () => {
    const rows = rowsOf(render({ entries: await settled(), dropped: 0 }));
    expect(rows.map((row) => row.includes('Retry fresh'))).toEqual([false, true, true, false]);
    for (const row of rows) expect(row).toMatch(/aria-expanded="false"[^>]*>Show JSON</);
  });

  it('counts the events it dropped', async () => {
    const html = render({ entries: (await settled()).slice(0, 1), dropped: 1234 });
    expect(html).toContain('1 event, 1234 older events dropped');
  });

  it('says so when no event was created yet', () => {
    expect(render({ entries: [], dropped: 0 })).toContain(
      'No events created since the panel was mounted.',
    );
  });
});

describe('LifecyclePanel', () => {
  it('renders only its host on a server: the panel lives in a shadow root made in the browser', () => {
    expect(renderToString(<LifecyclePanel initialIsOpen />)).toBe(
      '<div data-lifecycle-panel=""></div>',
    );
  });
});
