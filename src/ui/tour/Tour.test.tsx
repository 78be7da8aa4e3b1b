import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import tourJson from '../../../public/tour.json?raw';
import { Tour } from './Tour';
import { parseTourContent, tourContentQuery } from './tourContent';

const content = parseTourContent(JSON.parse(tourJson));

function renderWithContent(): string {
  const client = new QueryClient();
  client.setQueryData(tourContentQuery.queryKey, content);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <Tour />
    </QueryClientProvider>,
  );
}

describe('Tour', () => {
  it('renders on its own, without a QueryClientProvider around it', () => {
    expect(renderToStaticMarkup(<Tour />)).toContain('Loading the tour…');
  });

  it('opens on step 1 of 8, marked as the current step in the step list', () => {
    const html = renderWithContent();
    expect(html).toContain('Step 1 of 8');
    expect(html).toMatch(
      /<button type="button" aria-current="step">1\. Construction &amp; invocation<\/button>/,
    );
    expect(html.match(/aria-current=/g)).toHaveLength(1);
  });

  it('shows the first step’s code as text in a labelled figure, with Run again, and Previous unavailable', () => {
    const html = renderWithContent();
    expect(html).toMatch(
      /<figure class="tour-code" aria-labelledby="[^"]+"><figcaption id="[^"]+">TypeScript code<\/figcaption><pre[^>]*><code>import \{ SimpleEvent \} from &#x27;\.\/lib\/demo&#x27;;/,
    );
    expect(html).toContain('<button type="button">Run again</button>');
    expect(html).toContain('<button type="button" aria-disabled="true">Previous</button>');
    expect(html).toContain('<button type="button">Next</button>');
  });

  it('lets the keyboard reach the code block, which scrolls sideways on a phone', () => {
    expect(renderWithContent()).toMatch(/<pre tabindex="0" aria-label="Code">/);
  });
});
