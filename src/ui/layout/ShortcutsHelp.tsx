import { useEffect, useRef } from 'react';

const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['/', 'Search or filter the list'],
  ['j / k', 'Select the next / previous event in the list'],
  ['Enter', 'Move into the inspector of the selected event'],
  ['r', 'Retry the selected event fresh (when it failed or was cancelled)'],
  ['c', 'Cancel the selected event (while it runs)'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close this list, or the inspector sheet on a phone'],
];

/** The "Keyboard shortcuts" button and dialog; `?` anywhere outside a field opens it too. */
export function ShortcutsHelp() {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('input, textarea, select')) return;
      event.preventDefault();
      dialogRef.current?.showModal();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-haspopup="dialog"
        onClick={() => {
          dialogRef.current?.showModal();
        }}
      >
        Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
      </button>
      <dialog ref={dialogRef} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" className="primary">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
