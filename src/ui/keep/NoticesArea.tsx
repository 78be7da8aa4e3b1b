import { useEventStore } from '../../store';
import { useStoreActions } from '../common/storeActions.ts';

const LEVEL_LABEL = { info: 'ℹ Info', warning: '⚠ Warning', error: '✖ Error' } as const;

/** Messages from the store (memory-only storage, data set aside, refused actions). */
export function NoticesArea() {
  const actions = useStoreActions();
  const notices = useEventStore((state) => state.notices);
  return (
    <section aria-label="Notices" className="notices" aria-live="polite">
      {notices.length === 0 ? null : (
        <ul>
          {notices.map((notice) => (
            <li key={notice.id} className={`notice notice-${notice.level}`}>
              <strong>{LEVEL_LABEL[notice.level]}:</strong> <span>{notice.message}</span>
              <button
                type="button"
                aria-label={`Dismiss: ${notice.message.slice(0, 80)}`}
                onClick={() => {
                  actions.dismissNotice(notice.id);
                }}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
