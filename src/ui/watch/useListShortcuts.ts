import { useEffect, useRef } from 'react';
import { useEventStoreApi } from '../../store';
import { noticeOnFailure } from '../common/storeActions.ts';
import { actionsFor } from '../inspect/actionsForStatus.ts';
import { FOCUS_TARGET } from '../layout/focusTargets.ts';
import type { ListRows } from './listRows.ts';

/** `true` when a key press belongs to what has focus (typing, a menu) rather than the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('dialog[open], [role="tree"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The list's keyboard shortcuts: `/` search, `j`/`k` next and previous event in the list as
 * filtered, `Enter` move into the inspector, `r` retry fresh, `c` cancel. Keys typed into a
 * field, or with a modifier, are left alone.
 */
export function useListShortcuts(rows: ListRows): void {
  const store = useEventStoreApi();
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const actions = store.getState();
      const { selectedId } = actions;
      const selected = selectedId === null ? undefined : store.records.get(selectedId);
      switch (event.key) {
        case '/':
          document.getElementById(FOCUS_TARGET.query)?.focus();
          break;
        case 'j':
        case 'k': {
          const list = rowsRef.current;
          const index = selectedId === null ? -1 : list.indexOf(selectedId);
          const step = event.key === 'j' ? 1 : -1;
          const next = list.idAt(
            index === -1 ? 0 : Math.min(list.length - 1, Math.max(0, index + step)),
          );
          if (next !== undefined) actions.select(next);
          break;
        }
        case 'Enter':
          if (event.target instanceof HTMLElement && event.target.closest('button, a, summary')) {
            return;
          }
          if (selected === undefined) return;
          document.getElementById(FOCUS_TARGET.inspector)?.focus();
          break;
        case 'r': {
          if (selected === undefined) return;
          if (!actionsFor(selected.status, selected.source).retryFresh) return;
          const fresh = actions.retryFresh(selected.id);
          if (fresh.ok) actions.select(fresh.id);
          else noticeOnFailure(actions, fresh, 'warning');
          break;
        }
        case 'c':
          if (selected === undefined) return;
          if (!actionsFor(selected.status, selected.source).cancel) return;
          noticeOnFailure(actions, actions.cancel(selected.id, 'cancelled from the keyboard'));
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [store]);
}
