import { useEffect } from 'react';

/**
 * Opens a lesson link (`#lesson=…`) when the page loads with one or the hash changes to one.
 * Reading and applying it is a chunk of its own, fetched only for such a link.
 */
export function useLessonLink(): void {
  useEffect(() => {
    const follow = (): void => {
      if (!window.location.hash.startsWith('#lesson=')) return;
      const hash = window.location.hash;
      void import('./applyLesson.ts').then(({ applyLessonHash }) => applyLessonHash(hash));
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
    };
  }, []);
}
