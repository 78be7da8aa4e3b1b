import { useState } from 'react';
import type { ExecutionDict } from '../../lib';
import { BoundedText } from './BoundedText.tsx';
import type { TextSource } from './chunkedText.ts';
import { usePrettyJson } from './usePrettyJson.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The exact `execution.toDict()` JSON with a Copy button. Loaded lazily: most visits never
 * open it, so it stays out of the first download. The start is shown at once; the whole text
 * (600 ms of `JSON.stringify` for an error group 150,000 wide) is written in slices.
 */
export default function ExecutionJson({ execution }: { execution: ExecutionDict }) {
  const pretty = usePrettyJson(execution);
  const json = pretty.complete ? pretty.text : undefined;
  const [copy, setCopy] = useState<{ state: CopyState; json: TextSource | undefined }>({
    state: 'idle',
    json: undefined,
  });
  // A new execution makes an old "Copied" message wrong: show it only for the text copied.
  const state = json !== undefined && copy.json === json ? copy.state : 'idle';

  const onCopy = async (text: TextSource): Promise<void> => {
    try {
      if (!('clipboard' in navigator)) throw new Error('no clipboard');
      // Joined only now: the whole text of a wide group is 10 MB, copied once per click.
      await navigator.clipboard.writeText(text.toString());
      setCopy({ state: 'copied', json: text });
    } catch {
      setCopy({ state: 'failed', json: text });
    }
  };

  return (
    <div className="execution-json">
      <div className="row">
        <button
          type="button"
          disabled={json === undefined}
          onClick={() => {
            if (json !== undefined) void onCopy(json);
          }}
        >
          Copy JSON
        </button>
        <span role="status" className="muted">
          {state === 'copied' ? 'Copied to the clipboard.' : null}
          {state === 'failed'
            ? 'The clipboard is not available here: select the text below and copy it by hand.'
            : null}
        </span>
      </div>
      <BoundedText
        label="execution.toDict() JSON"
        text={pretty.text}
        preparing={!pretty.complete}
      />
    </div>
  );
}
