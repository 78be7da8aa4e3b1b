import { useEffect } from 'react';
import { getAppStore } from '../../store';
import { storeActions } from '../common/storeActions.ts';

/** Where the inspector is a sheet over the list (narrow screens), Escape closes it. */
export const SHEET_MEDIA = '(max-width: 960px)';

/** Escape on a phone-sized screen closes the inspector sheet and shows the list again. */
export function useCloseSheetOnEscape(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (!window.matchMedia(SHEET_MEDIA).matches) return;
      if (getAppStore().getState().selectedId === null) return;
      storeActions().select(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
