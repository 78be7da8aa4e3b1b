import { useEffect } from 'react';

/**
 * Opens a lesson link (`#lesson=…`) when the page loads with one or the hash changes to one.
 * Reading and applying it comes with the clock control's chunk, outside the first download.
 */
export function useLessonLink(): void {
  useEffect(() => {
    const follow = (): void => {
      if (!window.location.hash.startsWith('#lesson=')) return;
      const hash = window.location.hash;
      void import('../clock/ClockControl.tsx').then(({ applyLessonHash }) => applyLessonHash(hash));
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
    };
  }, []);
}
