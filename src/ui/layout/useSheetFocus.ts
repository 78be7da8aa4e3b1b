import { useLayoutEffect, type RefObject } from 'react';
import { SHEET_MEDIA } from './useCloseSheetOnEscape.ts';

/**
 * Where the inspector is a sheet over the list, focus moves onto the sheet when it opens (what
 * had focus is covered by it) and goes back to what had it when the sheet closes.
 */
export function useSheetFocus(open: boolean, sheetStart: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    if (!open || !window.matchMedia(SHEET_MEDIA).matches) return;
    const opener = document.activeElement;
    sheetStart.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [open, sheetStart]);
}
