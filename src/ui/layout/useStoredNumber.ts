import { useCallback, useState } from 'react';

/**
 * A number kept in `localStorage` under `key`, clamped to `[min, max]`. Storage that fails
 * (private mode, disabled) leaves the value in memory only: a layout preference is not worth
 * a notice.
 */
export function useStoredNumber(
  key: string,
  fallback: number,
  min: number,
  max: number,
): [number, (next: number) => void] {
  const [value, setValue] = useState(() => clamp(readNumber(key) ?? fallback, min, max));
  const update = useCallback(
    (next: number) => {
      const clamped = clamp(next, min, max);
      setValue(clamped);
      try {
        localStorage.setItem(key, String(Math.round(clamped)));
      } catch {
        // Kept for this visit only.
      }
    },
    [key, min, max],
  );
  return [value, update];
}

function readNumber(key: string): number | null {
  try {
    const stored = Number(localStorage.getItem(key));
    return Number.isFinite(stored) && stored > 0 ? stored : null;
  } catch {
    return null;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
