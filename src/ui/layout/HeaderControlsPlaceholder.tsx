import '../clock/clockLayout.css';

/**
 * What the header's controls look like before their chunk arrives: the same boxes, inert and
 * hidden from assistive technology. Without it the header grows when they arrive and the page
 * below jumps (by a line or two on a phone), under a thumb that is about to tap.
 */
export function HeaderControlsPlaceholder() {
  return (
    <div className="header-placeholder" aria-hidden="true" inert>
      <div className="clock-control">
        <button type="button" tabIndex={-1}>
          Lesson time
        </button>
        <span className="muted">Real time</span>
        <span className="copy-lesson">
          <button type="button" tabIndex={-1}>
            Copy link
          </button>
          <span />
        </span>
      </div>
      <button type="button" className="shortcuts-button" tabIndex={-1}>
        Keyboard shortcuts <kbd>?</kbd>
      </button>
    </div>
  );
}
