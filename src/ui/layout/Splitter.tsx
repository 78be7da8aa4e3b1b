import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  /** The width, in pixels, of the pane to the splitter's right. */
  value: number;
  min: number;
  max: number;
  onChange: (width: number) => void;
  /** The accessible name, e.g. "Resize the inspector". */
  label: string;
}

const KEY_STEP = 32;

/**
 * A vertical splitter between two panes: drag it, or focus it and use the arrow keys
 * (Home/End jump to the limits). The width it sets belongs to the pane on its right.
 */
export function Splitter({ value, min, max, onChange, label }: Props) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = value;
    const onMove = (move: globalThis.PointerEvent): void => {
      onChange(startWidth - (move.clientX - startX));
    };
    const onUp = (): void => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next = {
      ArrowLeft: value + KEY_STEP,
      ArrowRight: value - KEY_STEP,
      Home: max,
      End: min,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(next);
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
