import { useState } from 'react';
import type { ExecutionDict } from '../../lib';
import { BoundedText } from './BoundedText.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The exact `execution.toDict()` JSON with a Copy button. Loaded lazily: most visits never
 * open it, so it stays out of the first download.
 */
export default function ExecutionJson({ execution }: { execution: ExecutionDict }) {
  const json = JSON.stringify(execution, null, 2);
  const [copy, setCopy] = useState<{ state: CopyState; json: string }>({ state: 'idle', json });
  // A new execution makes an old "Copied" message wrong: show it only for the text copied.
  const state = copy.json === json ? copy.state : 'idle';

  const onCopy = async (): Promise<void> => {
    try {
      if (!('clipboard' in navigator)) throw new Error('no clipboard');
      await navigator.clipboard.writeText(json);
      setCopy({ state: 'copied', json });
    } catch {
      setCopy({ state: 'failed', json });
    }
  };

  return (
    <div className="execution-json">
      <div className="row">
        <button type="button" onClick={() => void onCopy()}>
          Copy JSON
        </button>
        <span role="status" className="muted">
          {state === 'copied' ? 'Copied to the clipboard.' : null}
          {state === 'failed'
            ? 'The clipboard is not available here: select the text below and copy it by hand.'
            : null}
        </span>
      </div>
      <BoundedText label="execution.toDict() JSON" text={json} />
    </div>
  );
}
