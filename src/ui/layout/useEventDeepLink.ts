import { useEffect, useRef } from 'react';
import { getAppStore, useEventStore } from '../../store';
import { storeActions } from '../common/storeActions.ts';
import { readEventLink, writeEventLink } from './urlState.ts';

/**
 * Keeps the selected event and the address in step: `#/event/<id>` opens that event once the
 * saved history is read in (after a reload, or in another tab), following a link changes the
 * selection, and selecting an event updates the address.
 */
export function useEventDeepLink(): void {
  const selectedId = useEventStore((state) => state.selectedId);
  // Until the link in the address was followed, the selection must not overwrite it.
  const linkFollowed = useRef(false);

  useEffect(() => {
    const openLinked = (): void => {
      const id = readEventLink();
      if (id !== null && getAppStore().records.has(id)) {
        storeActions().select(id);
      }
    };
    void getAppStore()
      .getState()
      .whenHydrated()
      .then(() => {
        openLinked();
        linkFollowed.current = true;
      });
    window.addEventListener('hashchange', openLinked);
    return () => {
      window.removeEventListener('hashchange', openLinked);
    };
  }, []);

  useEffect(() => {
    if (linkFollowed.current || selectedId !== null) writeEventLink(selectedId);
  }, [selectedId]);
}
