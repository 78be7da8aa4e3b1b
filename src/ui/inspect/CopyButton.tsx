import { useState } from 'react';

/** A small "Copy" button for one value, saying whether it worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async (): Promise<void> => {
    try {
      if (!('clipboard' in navigator)) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="small-button"
        aria-label={label}
        onClick={() => void onCopy()}
      >
        Copy
      </button>
      <span role="status" className="muted copy-status">
        {state === 'copied' ? 'Copied.' : null}
        {state === 'failed' ? 'No clipboard here: select the id and copy it by hand.' : null}
      </span>
    </>
  );
}
