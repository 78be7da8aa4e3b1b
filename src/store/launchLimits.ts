/** Most events one launch creates. */
export const MAX_LAUNCH_COUNT = 10_000;
