import type { Slice } from '../storeInternals';
import type { EventStoreState, Notice } from '../types';

/** Notices kept; older ones are dropped. */
const MAX_NOTICES = 20;

export type NoticeSlice = Pick<EventStoreState, 'notices' | 'notify' | 'dismissNotice'>;

/** Notices for the person: the other slices tell of problems through `get().notify`. */
export const createNoticeSlice = (): Slice<NoticeSlice> => (set) => {
  // Numbers notices across the store's lifetime.
  let count = 0;
  return {
    notices: [],
    notify(level, message) {
      count += 1;
      const entry: Notice = { id: `notice-${count}`, level, message };
      set((state) => ({ notices: [...state.notices, entry].slice(-MAX_NOTICES) }));
    },
    dismissNotice(id) {
      set((state) => ({ notices: state.notices.filter((entry) => entry.id !== id) }));
    },
  };
};
